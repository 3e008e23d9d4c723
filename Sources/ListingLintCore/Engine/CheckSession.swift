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

        /// Suppressions and the baseline for one listing's findings, in input order.
        func finish(_ listing: Listing, _ raw: [Finding], into fileFindings: inout [Finding]) {
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

        func complete(_ file: String, findings: [Finding], errors: [InputError]) {
            report.files += 1
            report.errors += errors
            report.findings += findings
            onFile(FileOutcome(file: file, findings: findings, errors: errors))
        }

        var index = 0
        while index < inputs.count {
            // Single-listing files (a folder of .md or .json) are read and linted in parallel
            // windows; a catalogue is linted in parallel batches of its own records.
            var window: [InputFile] = []
            while index < inputs.count, window.count < 64, !inputs[index].isStandardInput, inputs[index].format != .jsonLines {
                window.append(inputs[index])
                index += 1
            }
            if window.isEmpty {
                let input = inputs[index]
                index += 1
                var fileErrors: [InputError] = []
                var fileFindings: [Finding] = []
                let (bytes, readError) = LintRunner.read(input)
                if let readError {
                    complete(input.path, findings: [], errors: [readError])
                    continue
                }
                let content = bytes ?? []
                let engine: Engine
                switch engineFor(input) {
                case .failure(let error):
                    complete(input.path, findings: [], errors: [error])
                    continue
                case .success(let found): engine = found
                }
                let runner = LintRunner(engine: engine, jobs: jobs)
                let format = input.format ?? ListingFormat.sniff(content)
                func lint(_ result: ReadResult) {
                    fileErrors += result.errors
                    report.listings += result.listings.count
                    for (listing, raw) in zip(result.listings, runner.lintEach(result.listings)) {
                        finish(listing, raw, into: &fileFindings)
                    }
                }
                if format == .jsonLines && !content.isEmpty {
                    ListingReader.readCatalogue(content, file: input.path, batchSize: 2048, lint)
                } else {
                    lint(ListingReader.read(bytes: content, file: input.path, format: format))
                }
                complete(input.path, findings: fileFindings, errors: fileErrors)
                continue
            }
            let engines = window.map(engineFor)
            let results = ResultSlots<(ReadResult, [[Finding]])>(count: window.count)
            let work: @Sendable (Int) -> Void = { [window] slot in
                let scratch = RegexScratch()
                var result = ReadResult()
                var findings: [[Finding]] = []
                switch engines[slot] {
                case .failure(let error):
                    result.errors.append(error)
                case .success(let engine):
                    let (bytes, readError) = LintRunner.read(window[slot])
                    if let readError {
                        result.errors.append(readError)
                    } else {
                        let content = bytes ?? []
                        result = ListingReader.read(bytes: content, file: window[slot].path, format: window[slot].format ?? ListingFormat.sniff(content))
                        findings = result.listings.map { engine.lint($0, scratch: scratch) }
                    }
                }
                results.set(slot, (result, findings))
            }
            if jobs > 1 && window.count > 1 {
                DispatchQueue.concurrentPerform(iterations: window.count, execute: work)
            } else {
                for slot in window.indices { work(slot) }
            }
            for (slot, value) in results.values.enumerated() {
                guard let (result, findings) = value else { continue }
                var fileFindings: [Finding] = []
                report.listings += result.listings.count
                for (listing, raw) in zip(result.listings, findings) { finish(listing, raw, into: &fileFindings) }
                complete(window[slot].path, findings: fileFindings, errors: result.errors)
            }
        }
        if let baseline {
            report.fixed = BaselineFile.compare(all, baseline: baseline, lintedListings: lintedListings).fixed
        }
        report.pointsByListing = LintReport.points(of: report.findings)
        return (report, all)
    }

    /// The engine for a file's effective configuration (built once per distinct configuration).
    private func engineFor(_ input: InputFile) -> Result<Engine, InputError> {
        do {
            var disabled = Set<String>()
            var settings = RuleSettings()
            if let resolver, !input.isStandardInput {
                (disabled, settings) = try resolver.effective(for: Configuration.absolute(input.path))
            }
            return .success(try engine(disabled: disabled, settings: settings))
        } catch let error as ConfigurationError {
            return .failure(error)
        } catch {
            return .failure(InputError(file: input.path, message: "\(error)"))
        }
    }
}
