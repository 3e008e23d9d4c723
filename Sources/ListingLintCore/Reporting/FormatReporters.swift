import Foundation

// The machine formats of `check` beside text and JSON: JSON Lines, SARIF 2.1.0, JUnit XML,
// GitHub Actions workflow commands and Checkstyle XML.

/// One JSON object a line: each finding and input error as soon as it is known, then the summary.
public enum JSONLinesReporter {
    /// `{"type":"finding", …}` with the keys of the JSON format's finding objects.
    public static func finding(_ finding: Finding) -> String {
        JSONWriter.object([("type", JSONWriter.quote("finding"))] + JSONReporter.findingMembers(finding))
    }

    /// `{"type":"error","file","line","message"}` (no line when it is not known).
    public static func error(_ error: InputError) -> String {
        JSONWriter.object([("type", JSONWriter.quote("error"))] + JSONReporter.errorMembers(error))
    }

    /// `{"type":"summary","files","listings","findings","points","errors"}`.
    public static func summary(_ report: LintReport) -> String {
        JSONWriter.object([("type", JSONWriter.quote("summary"))] + JSONReporter.summaryMembers(report))
    }

    public static func render(_ report: LintReport) -> String {
        let lines = report.findings.map(finding) + report.errors.map(error) + [summary(report)]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Paths as the formats for CI want them: relative to the working directory when inside it.
enum ReportPaths {
    /// `path` (relative paths are relative to the process's directory) made relative to `base`;
    /// nil when it lies outside `base`. Only lexical: `.` and `..` are resolved, links are not.
    static func relative(_ path: String, to base: String) -> String? {
        let absolutePath = absolute(path)
        let absoluteBase = absolute(base)
        if absolutePath == absoluteBase { return "." }
        let prefix = absoluteBase == "/" ? "/" : absoluteBase + "/"
        guard absolutePath.hasPrefix(prefix) else { return nil }
        return String(absolutePath.dropFirst(prefix.count))
    }

    /// The path relative to `base`, or absolute when it lies outside.
    static func display(_ path: String, base: String) -> String {
        relative(path, to: base) ?? absolute(path)
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters and `/`, byte by byte in UTF-8.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}

/// SARIF 2.1.0 as GitHub code scanning reads it.
public enum SARIFReporter {
    public static let toolName = "listing-lint"
    public static let toolVersion = "0.1.0"
    /// The project has no public home yet: a URN until it has one.
    public static let informationURI = "urn:listing-lint"
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let sourceRootID = "%SRCROOT%"

    /// Rules that are not in the registry: notes about the linting itself.
    static let metaRules: [String: (name: String, description: String)] = [
        "unused-suppression": (
            "Unused suppression",
            "A suppression (an inline comment or a lint_suppressions entry) that silenced no finding: the violation it was written for is gone, or it names the wrong rule."
        ),
        "invalid-suppression": (
            "Invalid suppression",
            "A suppression (an inline comment or a lint_suppressions entry) that cannot be understood: an unknown rule, or a malformed entry."
        ),
    ]

    public static func render(_ report: LintReport, context: ReportContext) -> String {
        let allFindings = report.findings + report.suppressed.map(\.finding)
        var rules: [String] = []
        var ruleIndex: [String: Int] = [:]
        for type in RuleRegistry.all {
            ruleIndex[type.description.id] = rules.count
            rules.append(ruleDescriptor(type.description, context: context))
        }
        for finding in allFindings where ruleIndex[finding.rule] == nil {
            ruleIndex[finding.rule] = rules.count
            rules.append(metaRuleDescriptor(finding, context: context))
        }

        var results = report.findings.map { result($0, ruleIndex: ruleIndex[$0.rule] ?? 0, context: context) }
        for suppressed in report.suppressed {
            var suppression = [("kind", JSONWriter.quote("inSource"))]
            if let reason = suppressed.reason { suppression.append(("justification", JSONWriter.quote(reason))) }
            results.append(result(
                suppressed.finding, ruleIndex: ruleIndex[suppressed.finding.rule] ?? 0, context: context,
                extra: [("suppressions", JSONWriter.array([JSONWriter.object(suppression)]))]))
        }

        var invocation = [("executionSuccessful", report.errors.isEmpty ? "true" : "false")]
        if !report.errors.isEmpty {
            invocation.append(("toolExecutionNotifications", JSONWriter.array(report.errors.map { notification($0, context: context) })))
        }

        let driver = JSONWriter.object([
            ("name", JSONWriter.quote(toolName)),
            ("informationUri", JSONWriter.quote(informationURI)),
            ("version", JSONWriter.quote(toolVersion)),
            ("rules", list(rules)),
        ])
        var baseURI = "file://" + ReportPaths.percentEncoded(ReportPaths.absolute(context.workingDirectory))
        if !baseURI.hasSuffix("/") { baseURI += "/" }
        let run = JSONWriter.object([
            ("tool", JSONWriter.object([("driver", driver)])),
            ("originalUriBaseIds", JSONWriter.object([(sourceRootID, JSONWriter.object([("uri", JSONWriter.quote(baseURI))]))])),
            ("invocations", JSONWriter.array([JSONWriter.object(invocation)])),
            ("columnKind", JSONWriter.quote("unicodeCodePoints")),
            ("results", list(results)),
        ])
        return JSONWriter.object([
            ("$schema", JSONWriter.quote(schemaURI)),
            ("version", JSONWriter.quote("2.1.0")),
            ("runs", JSONWriter.array([run])),
        ]) + "\n"
    }

    /// An array with one item a line, so a diff of two runs reads well.
    static func list(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n]"
    }

    static func text(_ value: String) -> String {
        JSONWriter.object([("text", JSONWriter.quote(value))])
    }

    /// `absolute-terms` → `AbsoluteTerms` (SARIF wants a name that reads as an identifier).
    static func identifierName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func ruleDescriptor(_ description: RuleDescription, context: ReportContext) -> String {
        var properties = [
            ("row", JSONWriter.quote(description.row)),
            ("article", JSONWriter.quote(description.article)),
        ]
        if let row = context.catalogue?.row(description.row) {
            properties += [
                ("violation", JSONWriter.quote(row.content)),
                ("points", JSONWriter.number(row.points)),
                ("processing", JSONWriter.quote(row.processing)),
                ("period", JSONWriter.quote(row.period)),
            ]
        }
        properties.append(("tags", JSONWriter.array([JSONWriter.quote("compliance"), JSONWriter.quote(description.row)])))
        let help = "\(description.name) (row \(description.row)).\n\nWhy: \(description.rationale)\n\nWhat triggers it: \(description.triggers)\n\nHow to fix: \(description.fix)"
        return JSONWriter.object([
            ("id", JSONWriter.quote(description.id)),
            ("name", JSONWriter.quote(identifierName(description.id))),
            ("shortDescription", text(description.name)),
            ("fullDescription", text(description.rationale)),
            ("help", text(help)),
            ("helpUri", JSONWriter.quote(context.helpURIBase + description.id)),
            ("defaultConfiguration", JSONWriter.object([("level", JSONWriter.quote("error"))])),
            ("properties", JSONWriter.object(properties)),
        ])
    }

    /// A rule only findings name (a meta finding such as an unused suppression).
    static func metaRuleDescriptor(_ finding: Finding, context: ReportContext) -> String {
        let known = metaRules[finding.rule]
        let name = known?.name ?? "listing-lint note: \(finding.rule)"
        let description = known?.description
            ?? "A note listing-lint makes about the linting itself (its configuration or suppressions), not a violation of the specification."
        var properties: [(String, String)] = []
        if !finding.row.isEmpty { properties.append(("row", JSONWriter.quote(finding.row))) }
        properties.append(("tags", JSONWriter.array([JSONWriter.quote("listing-lint")])))
        return JSONWriter.object([
            ("id", JSONWriter.quote(finding.rule)),
            ("name", JSONWriter.quote(identifierName(finding.rule))),
            ("shortDescription", text(name)),
            ("fullDescription", text(description)),
            ("help", text(description + "\n\nHow to fix: remove or correct the suppression, or the configuration the message names.")),
            ("helpUri", JSONWriter.quote(context.helpURIBase + finding.rule)),
            ("defaultConfiguration", JSONWriter.object([("level", JSONWriter.quote(finding.severity.rawValue))])),
            ("properties", JSONWriter.object(properties)),
        ])
    }

    static func artifactLocation(_ file: String, context: ReportContext) -> String {
        if let relative = ReportPaths.relative(file, to: context.workingDirectory) {
            return JSONWriter.object([
                ("uri", JSONWriter.quote(ReportPaths.percentEncoded(relative))),
                ("uriBaseId", JSONWriter.quote(sourceRootID)),
            ])
        }
        return JSONWriter.object([("uri", JSONWriter.quote("file://" + ReportPaths.percentEncoded(ReportPaths.absolute(file))))])
    }

    static func region(_ finding: Finding) -> String {
        let startLine = max(1, finding.start.line)
        let startColumn = max(1, finding.start.column)
        var endLine = max(startLine, finding.end.line)
        var endColumn = max(1, finding.end.column)
        if finding.end.line < startLine || (endLine == startLine && endColumn < startColumn) {
            endLine = startLine
            endColumn = startColumn
        }
        return JSONWriter.object([
            ("startLine", String(startLine)),
            ("startColumn", String(startColumn)),
            ("endLine", String(endLine)),
            ("endColumn", String(endColumn)),
        ])
    }

    static func result(
        _ finding: Finding, ruleIndex: Int, context: ReportContext, extra: [(String, String)] = []
    ) -> String {
        let location = JSONWriter.object([
            ("physicalLocation", JSONWriter.object([
                ("artifactLocation", artifactLocation(finding.file, context: context)),
                ("region", region(finding)),
            ])),
        ])
        var properties = [("listing", JSONWriter.quote(finding.listing))]
        if !finding.row.isEmpty { properties.append(("row", JSONWriter.quote(finding.row))) }
        if let points = finding.points { properties.append(("points", JSONWriter.number(points))) }
        properties.append(("field", JSONWriter.quote(finding.field)))
        return JSONWriter.object([
            ("ruleId", JSONWriter.quote(finding.rule)),
            ("ruleIndex", String(ruleIndex)),
            ("level", JSONWriter.quote(finding.severity.rawValue)),
            ("message", text(finding.message)),
            ("locations", JSONWriter.array([location])),
            ("partialFingerprints", JSONWriter.object([("primaryLocationLineHash", JSONWriter.quote(finding.fingerprint))])),
        ] + extra + [
            ("properties", JSONWriter.object(properties)),
        ])
    }

    static func notification(_ error: InputError, context: ReportContext) -> String {
        var physical = [("artifactLocation", artifactLocation(error.file, context: context))]
        if let line = error.line, line >= 1 {
            physical.append(("region", JSONWriter.object([("startLine", String(line))])))
        }
        return JSONWriter.object([
            ("level", JSONWriter.quote("error")),
            ("message", text(error.message)),
            ("locations", JSONWriter.array([JSONWriter.object([("physicalLocation", JSONWriter.object(physical))])])),
        ])
    }
}

/// XML text and attribute values.
enum XMLText {
    /// Escapes the five markup characters, keeps tabs and line breaks (as references, so they
    /// survive attribute-value normalization) and drops what XML 1.0 cannot carry.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\u{FFFE}", "\u{FFFF}": continue
            default:
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
}

/// JUnit XML: one test case a listing, one failure a finding, one errored test case an input error.
public enum JUnitReporter {
    public static func render(_ report: LintReport, context: ReportContext) -> String {
        var byListing: [LintReport.ListingKey: [Finding]] = [:]
        var order: [LintReport.ListingKey] = []
        for key in context.listings where byListing[key] == nil {
            byListing[key] = []
            order.append(key)
        }
        for finding in report.findings {
            let key = LintReport.ListingKey(file: finding.file, listing: finding.listing)
            if byListing[key] == nil { order.append(key) }
            byListing[key, default: []].append(finding)
        }
        var cases: [String] = []
        var failures = 0
        for key in order {
            let findings = byListing[key] ?? []
            let attributes = XMLText.attributes([("classname", key.file), ("name", key.listing)])
            if findings.isEmpty {
                cases.append("    <testcase\(attributes)/>")
                continue
            }
            failures += 1
            var lines = ["    <testcase\(attributes)>"]
            for finding in findings {
                let failure = XMLText.attributes([("message", "\(finding.rule): \(finding.message)"), ("type", finding.rule)])
                lines.append("      <failure\(failure)>\(XMLText.escape(failureText(finding, language: context.language)))</failure>")
            }
            lines.append("    </testcase>")
            cases.append(lines.joined(separator: "\n"))
        }
        for error in report.errors {
            let name = error.line.map { "input error at line \($0)" } ?? "input error"
            let attributes = XMLText.attributes([("classname", error.file), ("name", name)])
            let element = XMLText.attributes([("message", error.message), ("type", "input-error")])
            cases.append("    <testcase\(attributes)>\n      <error\(element)>\(XMLText.escape(error.description))</error>\n    </testcase>")
        }
        let counts = XMLText.attributes([
            ("name", "listing-lint"), ("tests", String(cases.count)), ("failures", String(failures)),
            ("errors", String(report.errors.count)),
        ])
        var out = XMLText.declaration + "<testsuites\(counts)>\n  <testsuite\(counts)>\n"
        out += cases.map { $0 + "\n" }.joined()
        return out + "  </testsuite>\n</testsuites>\n"
    }

    /// `file:line:col rule message [row, points]`.
    static func failureText(_ finding: Finding, language: Language) -> String {
        var text = "\(finding.file):\(finding.start.line):\(finding.start.column) \(finding.rule) \(finding.message)"
        if !finding.row.isEmpty { text += " [\(finding.row), \(TextReporter.pointsText(finding.points, language))]" }
        return text
    }
}

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as @actions/core does.
public enum GitHubReporter {
    /// A command's message: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A command's property value: as data, and `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }

    static func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(list.isEmpty ? "" : " " + list)::\(escapeData(message))"
    }

    public static func annotation(_ finding: Finding, context: ReportContext) -> String {
        let title = finding.row.isEmpty ? finding.rule : "\(finding.rule) [\(finding.row)]"
        return command(finding.severity == .warning ? "warning" : "error", [
            ("file", ReportPaths.display(finding.file, base: context.workingDirectory)),
            ("line", String(finding.start.line)),
            ("col", String(finding.start.column)),
            ("endLine", String(finding.end.line)),
            ("endColumn", String(finding.end.column)),
            ("title", title),
        ], finding.message)
    }

    public static func annotation(_ error: InputError, context: ReportContext) -> String {
        var properties = [("file", ReportPaths.display(error.file, base: context.workingDirectory))]
        if let line = error.line { properties.append(("line", String(line))) }
        return command("error", properties, error.message)
    }

    public static func render(_ report: LintReport, context: ReportContext) -> String {
        let lines = report.findings.map { annotation($0, context: context) } + report.errors.map { annotation($0, context: context) }
        return lines.map { $0 + "\n" }.joined()
    }
}

/// Checkstyle XML: findings grouped by file; input errors as errors of source `listing-lint.input`.
public enum CheckstyleReporter {
    public static func render(_ report: LintReport, context: ReportContext) -> String {
        var order: [String] = []
        var entries: [String: [String]] = [:]
        func add(_ file: String, _ entry: String) {
            if entries[file] == nil { order.append(file) }
            entries[file, default: []].append(entry)
        }
        for finding in report.findings {
            add(finding.file, "    <error" + XMLText.attributes([
                ("line", String(finding.start.line)), ("column", String(finding.start.column)),
                ("severity", finding.severity.rawValue), ("message", finding.message),
                ("source", "listing-lint.\(finding.rule)"),
            ]) + "/>")
        }
        for error in report.errors {
            var attributes: [(String, String)] = []
            if let line = error.line { attributes.append(("line", String(line))) }
            attributes += [("severity", "error"), ("message", error.message), ("source", "listing-lint.input")]
            add(error.file, "    <error" + XMLText.attributes(attributes) + "/>")
        }
        var out = XMLText.declaration + "<checkstyle version=\"4.3\">\n"
        for file in order {
            out += "  <file" + XMLText.attributes([("name", file)]) + ">\n"
            out += (entries[file] ?? []).map { $0 + "\n" }.joined()
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
