import ArgumentParser
import Foundation
import ListingLintCore

struct ListingLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listing-lint",
        abstract: "Check AliExpress Service Market listings against the Management Specification.",
        subcommands: [Check.self, Rules.self, Explain.self],
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
            Exit status: 0 no findings; 1 findings; 2 usage error or an input that could not be read \
            (every other input is still linted and reported).
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: String = "text"

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
    }

    func run() throws {
        let language = try common.language()
        let engine: Engine
        do {
            engine = try Engine(resources: try common.resources(), language: language)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
        let (inputs, collectErrors) = InputCollector.collect(paths)
        let runner = LintRunner(engine: engine, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var report = runner.run(inputs)
        report.errors = collectErrors + report.errors
        report.files += collectErrors.count
        let useColor = !noColor && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        writeOut(Reporter.render(report, format: OutputFormat(rawValue: format) ?? .text, context: ReportContext(useColor: useColor, language: language)))
        if !report.errors.isEmpty { throw ExitCode(2) }
        if !report.findings.isEmpty { throw ExitCode(1) }
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
