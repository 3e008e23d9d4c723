import Foundation

/// What a gate fails on. With no option the gate fails on any error-level finding; `--fail-on`
/// and `--fail-on-points` narrow it to those conditions; `--strict` fails on anything, warnings
/// (an unused suppression) included.
public struct Gate: Sendable, Equatable {
    public var failOnPoints: Double?
    public var failOnRules: Set<String> = []
    public var strict = false

    public init(failOnPoints: Double? = nil, failOnRules: Set<String> = [], strict: Bool = false) {
        self.failOnPoints = failOnPoints
        self.failOnRules = failOnRules
        self.strict = strict
    }

    /// Why the gate failed, or nil when it passed.
    public func failure(of report: LintReport) -> String? {
        if strict, let first = report.findings.first {
            return "--strict: \(report.findings.count) finding(s), first \(first.rule) at \(first.file):\(first.start.line)"
        }
        var reasons: [String] = []
        if let threshold = failOnPoints,
           let (key, points) = report.pointsByListing.max(by: { $0.value < $1.value }), points >= threshold {
            reasons.append("listing \(key.listing) in \(key.file) reaches \(JSONWriter.number(points)) points (threshold \(JSONWriter.number(threshold)))")
        }
        if !failOnRules.isEmpty {
            let hits = report.findings.filter { failOnRules.contains($0.rule) }
            if let first = hits.first { reasons.append("\(hits.count) finding(s) of \(Set(hits.map(\.rule)).sorted().joined(separator: ", ")), first at \(first.file):\(first.start.line)") }
        }
        if failOnPoints == nil && failOnRules.isEmpty {
            let errors = report.findings.filter { $0.severity == .error }
            if !errors.isEmpty { reasons.append("\(errors.count) finding(s)") }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}

/// The results of one input file, handed over as soon as the file is done (JSON Lines streams them).
public struct FileOutcome: Sendable {
    public let file: String
    public let findings: [Finding]
    public let errors: [InputError]
}

/// A whole `check` run: per-file configuration (one engine per distinct effective configuration),
/// parallel linting, suppressions, baseline, and the report.
public final class CheckSession {
    let resources: Engine.Resources
    let language: Language
    let jobs: Int
    let resolver: ConfigurationResolver?
    let baseline: [BaselineEntry]?
    private var engines: [EngineKey: Engine] = [:]
    private let knownRules = Set(RuleRegistry.all.map { $0.description.id })

    struct EngineKey: Hashable {
        let disabled: Set<String>
        let settings: RuleSettings
    }

    public init(resources: Engine.Resources, language: Language, jobs: Int, resolver: ConfigurationResolver?, baseline: [BaselineEntry]?) {
        self.resources = resources
        self.language = language
        self.jobs = max(1, jobs)
        self.resolver = resolver
        self.baseline = baseline
    }

    func engine(disabled: Set<String>, settings: RuleSettings) throws -> Engine {
        let key = EngineKey(disabled: disabled, settings: settings)
        if let engine = engines[key] { return engine }
        let types = RuleRegistry.all.filter { !disabled.contains($0.description.id) }
        let engine = try Engine(resources: resources, ruleTypes: types, settings: settings, language: language)
        engines[key] = engine
        return engine
    }

    /// Files found by expanding a directory obey `included`/`excluded`; files named explicitly are
    /// always linted.
    public func selected(_ inputs: [InputFile], explicit: Set<String>) -> (files: [InputFile], errors: [InputError]) {
        guard let resolver else { return (inputs, []) }
        var files: [InputFile] = []
        var errors: [InputError] = []
        for input in inputs {
            if input.isStandardInput || explicit.contains(input.path) { files.append(input); continue }
            do {
                if try resolver.isIncluded(Configuration.absolute(input.path)) { files.append(input) }
            } catch let error as ConfigurationError {
                errors.append(error)
            } catch {
                errors.append(InputError(file: input.path, message: "\(error)"))
            }
        }
        return (files, errors)
    }

    public func run(_ inputs: [InputFile], onFile: (FileOutcome) -> Void = { _ in }) -> (report: LintReport, all: [Finding]) {
        var report = LintReport()
        var all: [Finding] = []
        var lintedListings = Set<String>()
        let recorded = Set((baseline ?? []).map(\.fingerprint))
        for input in inputs {
            report.files += 1
            var fileErrors: [InputError] = []
            var fileFindings: [Finding] = []
            defer {
                report.errors += fileErrors
                onFile(FileOutcome(file: input.path, findings: fileFindings, errors: fileErrors))
            }
            let (bytes, readError) = LintRunner.read(input)
            if let readError { fileErrors.append(readError); continue }
            let content = bytes ?? []
            let format = input.format ?? ListingFormat.sniff(content)
            let engine: Engine
            do {
                var disabled = Set<String>()
                var settings = RuleSettings()
                if let resolver, !input.isStandardInput {
                    (disabled, settings) = try resolver.effective(for: Configuration.absolute(input.path))
                }
                engine = try self.engine(disabled: disabled, settings: settings)
            } catch let error as ConfigurationError {
                fileErrors.append(error)
                continue
            } catch {
                fileErrors.append(InputError(file: input.path, message: "\(error)"))
                continue
            }
            let runner = LintRunner(engine: engine, jobs: jobs)
            func lint(_ result: ReadResult) {
                fileErrors += result.errors
                report.listings += result.listings.count
                let perListing = runner.lintEach(result.listings)
                for (listing, raw) in zip(result.listings, perListing) {
                    report.linted.append(LintReport.ListingKey(file: listing.file, listing: listing.id))
                    lintedListings.insert(listing.id)
                    // A directive's own words ("-- reason: quoting 最好") are not listing content.
                    var content = raw
                    if !listing.comments.isEmpty {
                        let directiveLines = Set(listing.comments.filter { $0.text.trimmingCharacters(in: .whitespaces).hasPrefix("listing-lint") }.map(\.line))
                        content = raw.filter { !($0.field == "description" && directiveLines.contains($0.start.line)) }
                    }
                    var kept = content
                    if !listing.comments.isEmpty || !listing.suppressionEntries.isEmpty {
                        let applied = Suppressions.apply(content, to: listing, knownRules: knownRules)
                        report.suppressed += applied.suppressed
                        kept = (applied.kept + applied.notes).sorted { ($0.start, $0.rule) < ($1.start, $1.rule) }
                    }
                    for finding in kept {
                        all.append(finding)
                        if recorded.contains(finding.fingerprint) { report.baselined += 1 } else { fileFindings.append(finding) }
                    }
                }
            }
            if format == .jsonLines && !content.isEmpty {
                ListingReader.readCatalogue(content, file: input.path, batchSize: 2048, lint)
            } else {
                lint(ListingReader.read(bytes: content, file: input.path, format: format))
            }
            report.findings += fileFindings
        }
        if let baseline {
            report.fixed = BaselineFile.compare(all, baseline: baseline, lintedListings: lintedListings).fixed
        }
        report.pointsByListing = LintReport.points(of: report.findings)
        return (report, all)
    }
}
