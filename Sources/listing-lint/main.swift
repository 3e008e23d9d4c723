import ArgumentParser
import Foundation
import ListingLintCore

struct ListingLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listing-lint",
        abstract: "Check AliExpress Service Market listings against the Management Specification.",
        subcommands: [Check.self, Rules.self, Explain.self, Config.self],
        defaultSubcommand: Check.self)
}

struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of lexicons (default: found beside the executable, or LISTING_LINT_LEXICONS).")
    var lexicons: String?

    @Option(name: .long, help: "Language of messages: en or zh.")
    var lang: String = "en"

    func language() throws -> Language {
        guard let language = Language(rawValue: lang) else {
            throw ValidationError("--lang must be en or zh")
        }
        return language
    }

    func resources() throws -> Engine.Resources {
        do {
            return try Engine.Resources(lexicons: try LexiconStore.locate(explicit: lexicons))
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint listings (.md, .json, .jsonl files, directories, or - for standard input).",
        discussion: """
            Exit status:
              0  the gate passed (by default: no error-level finding)
              1  the gate failed (--fail-on-points, --fail-on, --strict or, by default, any finding)
              2  usage error, configuration error, or an input that could not be read (every other \
            input is still linted and reported)

            Configuration: the nearest .listing-lint.yml above each linted file (or --config). \
            Suppressions: <!-- listing-lint disable-next-line RULE -- reason --> in a Markdown body, \
            or lint_suppressions in JSON listings.
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: text, json, jsonl, sarif, junit, github or checkstyle.")
    var format: String = "text"

    @Option(name: .long, help: "Configuration file for every input (default: the nearest .listing-lint.yml above each file).")
    var config: String?

    @Option(name: .long, help: "Hide the findings recorded in this baseline file; report new ones and the fixed ones.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Record the current findings in this baseline file.")
    var writeBaseline: String?

    @Option(name: .customLong("fail-on-points"), help: "Fail only when some listing's points reach N.")
    var failOnPoints: Double?

    @Option(name: .customLong("fail-on"), help: "Fail only on findings of these rules (comma-separated).")
    var failOn: String?

    @Flag(name: .long, help: "Fail on any finding, warnings (unused suppressions) included.")
    var strict = false

    @Option(name: .customLong("help-uri-base"), help: "SARIF helpUri prefix (the rule id is appended).")
    var helpURIBase: String = "urn:listing-lint:rule:"

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Never colour the text output.")
    var noColor = false

    @Argument(help: "Listing files or directories; - reads standard input.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one listing file or directory (or - for standard input)") }
        if OutputFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let known = Set(RuleRegistry.all.map { $0.description.id } + ["invalid-suppression", "unused-suppression"])
        for rule in failOnRules where !known.contains(rule) {
            throw ValidationError("--fail-on: unknown rule '\(rule)' (rules: \(known.sorted().joined(separator: ", ")))")
        }
        if let failOnPoints, failOnPoints <= 0 { throw ValidationError("--fail-on-points must be a positive number") }
    }

    var failOnRules: [String] {
        (failOn ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let language = try common.language()
        let format = OutputFormat(rawValue: self.format) ?? .text
        let resources = try common.resources()
        var resolver: ConfigurationResolver?
        if let config {
            guard FileManager.default.fileExists(atPath: config) else { throw ValidationError("--config: no such file \(config)") }
        }
        resolver = ConfigurationResolver(explicitPath: config)
        var recorded: [BaselineEntry]?
        if let baseline {
            do { recorded = try BaselineFile.read(path: baseline) } catch { throw ValidationError("--baseline: \(error)") }
        }
        let session = CheckSession(resources: resources, language: language, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                   resolver: resolver, baseline: recorded)
        let (collected, collectErrors) = InputCollector.collect(paths)
        let (inputs, selectErrors) = session.selected(collected, explicit: Set(paths))
        let streaming = format == .jsonl
        if streaming { for error in collectErrors + selectErrors { writeOut(JSONLinesReporter.error(error) + "\n") } }
        var (report, all) = session.run(inputs) { outcome in
            guard streaming else { return }
            var lines = ""
            for finding in outcome.findings { lines += JSONLinesReporter.finding(finding) + "\n" }
            for error in outcome.errors { lines += JSONLinesReporter.error(error) + "\n" }
            if !lines.isEmpty { writeOut(lines) }
        }
        report.errors = collectErrors + selectErrors + report.errors
        report.files += collectErrors.count
        if let writeBaseline {
            do { try BaselineFile.write(all, to: writeBaseline) } catch { report.errors.append(InputError(file: writeBaseline, message: "cannot write the baseline: \(error)")) }
        }
        let useColor = !noColor && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let context = ReportContext(useColor: useColor, language: language, helpURIBase: helpURIBase,
                                    catalogue: resources.catalogue, listings: report.linted)
        if streaming {
            writeOut(JSONLinesReporter.summary(report) + "\n")
        } else {
            writeOut(Reporter.render(report, format: format, context: context))
        }
        if !report.errors.isEmpty { throw ExitCode(2) }
        let gate = Gate(failOnPoints: failOnPoints, failOnRules: Set(failOnRules), strict: strict)
        if let reason = gate.failure(of: report) {
            if format == .text { FileHandle.standardError.write(Data("gate failed: \(reason)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the effective configuration for a path (.listing-lint.yml discovery, parent_config, overrides).")

    @Flag(name: .long, help: "Print the effective configuration.")
    var print = false

    @Option(name: .long, help: "Use this configuration file instead of discovering one.")
    var config: String?

    @Argument(help: "A listing file or directory (default: the current directory).")
    var path: String = "."

    func run() throws {
        let resolver = ConfigurationResolver(explicitPath: config)
        var target = Configuration.absolute(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            // Discovery starts in the folder of a file: stand a file inside the folder.
            target = (target as NSString).appendingPathComponent("listing.md")
        }
        do {
            if let configuration = try resolver.configuration(for: target) {
                writeOut(configuration.render(for: target))
            } else {
                writeOut("# no .listing-lint.yml above \(path): defaults\n" + Configuration(directory: FileManager.default.currentDirectoryPath).render(for: target))
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the rules with their violation-table rows and points.")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let resources = try common.resources()
        writeOut(RuleDocs.table(catalogue: resources.catalogue))
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule: rationale, article, triggers, fix and examples.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Rule id, e.g. absolute-terms.") var rule: String

    func run() throws {
        guard let type = RuleRegistry.type(named: rule) else {
            throw ValidationError("unknown rule '\(rule)'; known rules: \(RuleRegistry.all.map { $0.description.id }.joined(separator: ", "))")
        }
        let resources = try common.resources()
        writeOut(RuleDocs.explain(type.description, catalogue: resources.catalogue))
    }
}

/// Exit status: 0 clean, 1 findings, 2 usage error or unreadable input (never 64: one code for
/// "this run could not check what you asked", so gates need only test for 2).
do {
    var command = try ListingLint.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = ListingLint.exitCode(for: error)
    let message = ListingLint.fullMessage(for: error)
    if code == .success {
        writeOut(message + "\n")
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(2)
}
