import Foundation

/// The output formats of `check`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, sarif, junit, github, checkstyle
}

public struct ReportContext: Sendable {
    public let useColor: Bool
    public let language: Language
    /// Paths are made relative to this folder (SARIF URIs, GitHub annotations).
    public let workingDirectory: String
    /// A SARIF rule's helpUri is this followed by the rule id.
    public let helpURIBase: String
    /// When given, SARIF rule descriptors carry their row's points, processing and period.
    public let catalogue: ViolationCatalogue?
    /// Every listing linted, clean ones too (JUnit test cases); when empty, the listings with findings.
    public let listings: [LintReport.ListingKey]

    public init(
        useColor: Bool = false, language: Language = .en,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        helpURIBase: String = "urn:listing-lint:rule:", catalogue: ViolationCatalogue? = nil,
        listings: [LintReport.ListingKey] = []
    ) {
        self.useColor = useColor
        self.language = language
        self.workingDirectory = workingDirectory
        self.helpURIBase = helpURIBase
        self.catalogue = catalogue
        self.listings = listings
    }
}

public enum Reporter {
    public static func render(_ report: LintReport, format: OutputFormat, context: ReportContext) -> String {
        switch format {
        case .text: return TextReporter.render(report, context: context)
        case .json: return JSONReporter.render(report)
        case .jsonl: return JSONLinesReporter.render(report)
        case .sarif: return SARIFReporter.render(report, context: context)
        case .junit: return JUnitReporter.render(report, context: context)
        case .github: return GitHubReporter.render(report, context: context)
        case .checkstyle: return CheckstyleReporter.render(report, context: context)
        }
    }
}

public enum JSONReporter {
    public static func findingObject(_ finding: Finding) -> String {
        JSONWriter.object(findingMembers(finding))
    }

    /// The members of a finding object, in order (JSON Lines prefixes its "type").
    public static func findingMembers(_ finding: Finding) -> [(String, String)] {
        [
            ("file", JSONWriter.quote(finding.file)),
            ("listing", JSONWriter.quote(finding.listing)),
            ("rule", JSONWriter.quote(finding.rule)),
            ("row", JSONWriter.quote(finding.row)),
            ("points", JSONWriter.number(finding.points)),
            ("processing", JSONWriter.quote(finding.processing)),
            ("period", JSONWriter.quote(finding.period)),
            ("field", JSONWriter.quote(finding.field)),
            ("line", String(finding.start.line)),
            ("column", String(finding.start.column)),
            ("endLine", String(finding.end.line)),
            ("endColumn", String(finding.end.column)),
            ("match", JSONWriter.quote(finding.match)),
            ("message", JSONWriter.quote(finding.message)),
            ("fingerprint", JSONWriter.quote(finding.fingerprint)),
        ]
    }

    public static func errorObject(_ error: InputError) -> String {
        JSONWriter.object(errorMembers(error))
    }

    public static func errorMembers(_ error: InputError) -> [(String, String)] {
        var members = [("file", JSONWriter.quote(error.file))]
        if let line = error.line { members.append(("line", String(line))) }
        members.append(("message", JSONWriter.quote(error.description)))
        return members
    }

    public static func summaryMembers(_ report: LintReport) -> [(String, String)] {
        [
            ("files", String(report.files)),
            ("listings", String(report.listings)),
            ("findings", String(report.findings.count)),
            ("points", JSONWriter.number(report.points)),
            ("errors", String(report.errors.count)),
            ("suppressed", String(report.suppressed.count)),
            ("baselined", String(report.baselined)),
            ("fixed", String(report.fixed.count)),
        ]
    }

    static func suppressedObject(_ suppressed: SuppressedFinding) -> String {
        JSONWriter.object(findingMembers(suppressed.finding) + [("reason", suppressed.reason.map(JSONWriter.quote) ?? "null")])
    }

    static func fixedObject(_ entry: BaselineEntry) -> String {
        JSONWriter.object([
            ("fingerprint", JSONWriter.quote(entry.fingerprint)), ("file", JSONWriter.quote(entry.file)),
            ("listing", JSONWriter.quote(entry.listing)), ("rule", JSONWriter.quote(entry.rule)),
            ("field", JSONWriter.quote(entry.field)), ("match", JSONWriter.quote(entry.match)),
        ])
    }

    public static func render(_ report: LintReport) -> String {
        JSONWriter.object([
            ("findings", "[\n" + report.findings.map(findingObject).joined(separator: ",\n") + "\n]"),
            ("errors", JSONWriter.array(report.errors.map(errorObject))),
            ("suppressed", JSONWriter.array(report.suppressed.map(suppressedObject))),
            ("fixed", JSONWriter.array(report.fixed.map(fixedObject))),
            ("summary", JSONWriter.object(summaryMembers(report))),
        ]) + "\n"
    }
}

public enum TextReporter {
    static func paint(_ text: String, _ code: String, _ on: Bool) -> String {
        on ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func pointsText(_ points: Double?, _ language: Language) -> String {
        let value = JSONWriter.number(points ?? 0)
        if language == .zh { return "\(value)分" }
        return points == 1 ? "1 point" : "\(value) points"
    }

    public static func render(_ report: LintReport, context: ReportContext) -> String {
        var out = ""
        let color = context.useColor
        var currentFile: String?
        for finding in report.findings {
            if finding.file != currentFile {
                if currentFile != nil { out += "\n" }
                out += paint(finding.file, "1;4", color) + "\n"
                currentFile = finding.file
            }
            let location = "\(finding.file):\(finding.start.line):\(finding.start.column)"
            let tag = finding.row.isEmpty ? finding.severity.rawValue : "\(finding.row), \(pointsText(finding.points, context.language))"
            let ruleColor = finding.severity == .warning ? "33" : "31"
            out += "\(paint(location, "1", color)): \(paint(finding.rule, ruleColor, color)): \(finding.message) [\(tag)]\n"
        }
        if !report.errors.isEmpty {
            if !out.isEmpty { out += "\n" }
            for error in report.errors {
                out += "\(paint(error.description, "33", color))\n"
            }
        }
        if !report.fixed.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += context.language == .zh ? "基线中已修复：\n" : "Fixed since the baseline:\n"
            for entry in report.fixed { out += "  \(entry.file): \(entry.listing): \(entry.rule) \"\(entry.match)\" (\(entry.field))\n" }
        }
        if !out.isEmpty { out += "\n" }
        let listingsWithFindings = Set(report.findings.map { LintReport.ListingKey(file: $0.file, listing: $0.listing) }).count
        if context.language == .zh {
            out += "共 \(report.findings.count) 处违规，涉及 \(listingsWithFindings) 个服务（检查 \(report.listings) 个服务，\(report.files) 个文件），合计 \(JSONWriter.number(report.points)) 分"
            if !report.errors.isEmpty { out += "；\(report.errors.count) 个输入错误" }
            if !report.suppressed.isEmpty { out += "；已抑制 \(report.suppressed.count) 处" }
            if report.baselined > 0 || !report.fixed.isEmpty { out += "；基线已记录 \(report.baselined) 处，已修复 \(report.fixed.count) 处" }
        } else {
            out += "\(report.findings.count) finding\(report.findings.count == 1 ? "" : "s") in \(listingsWithFindings) of \(report.listings) listing\(report.listings == 1 ? "" : "s") (\(report.files) file\(report.files == 1 ? "" : "s")), \(pointsText(report.points, .en))"
            if !report.errors.isEmpty { out += "; \(report.errors.count) input error\(report.errors.count == 1 ? "" : "s")" }
            if !report.suppressed.isEmpty { out += "; \(report.suppressed.count) suppressed" }
            if report.baselined > 0 || !report.fixed.isEmpty { out += "; \(report.baselined) in the baseline, \(report.fixed.count) fixed since" }
        }
        return out + "\n"
    }
}
