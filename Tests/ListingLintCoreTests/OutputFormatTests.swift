import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import ListingLintCore

/// The machine formats of `check`, on a real report of the repository's fixtures.
final class OutputFormatTests: XCTestCase {
    struct Sample {
        let report: LintReport
        let context: ReportContext
        let listings: [LintReport.ListingKey]
    }

    static let root = TestSupport.repositoryRoot.path
    static let fixtures = ["clean-software.md", "violations.md", "listing.json", "catalogue.jsonl"]
        .map { TestSupport.repositoryRoot.appendingPathComponent("Fixtures/\($0)").path }

    /// The fixtures linted with the real engine (absolute paths, so URIs must be made relative),
    /// plus a suppressed finding, a meta finding with markup in its message and an input error.
    static let sample: Sample = {
        let (inputs, collectErrors) = InputCollector.collect(fixtures)
        precondition(collectErrors.isEmpty, "fixtures missing: \(collectErrors)")
        let runner = LintRunner(engine: TestSupport.engine, jobs: 2)
        var report = runner.run(inputs)
        var listings: [LintReport.ListingKey] = []
        for input in inputs {
            guard let bytes = runner.read(input).bytes else { continue }
            let format = input.format ?? ListingFormat.sniff(bytes)
            listings += ListingReader.read(bytes: bytes, file: input.path, format: format).listings
                .map { LintReport.ListingKey(file: $0.file, listing: $0.id) }
        }
        let real = report.findings.first { $0.rule == "brand-names" } ?? report.findings[0]
        report.suppressed.append(SuppressedFinding(finding: real, reason: "authorized by the brand owner (contract 2024-17)"))
        report.findings.append(Finding(
            file: real.file, listing: real.listing, rule: "unused-suppression", row: "", points: nil, processing: "",
            period: "", field: "description", start: SourcePosition(line: 2, column: 1), end: SourcePosition(line: 2, column: 1),
            match: "", message: "suppression \"absolute-terms\" & <brand-names> silenced nothing\n(second line)\u{1}",
            subject: nil, fingerprint: "meta-0001", severity: .warning))
        report.errors.append(InputError(
            file: TestSupport.repositoryRoot.appendingPathComponent("Fixtures/bad/missing-id.md").path, line: 2,
            message: "front matter: the key \"id\" is required & <missing>"))
        let catalogue = TestSupport.resources.catalogue
        let context = ReportContext(workingDirectory: root, catalogue: catalogue, listings: listings)
        return Sample(report: report, context: context, listings: listings)
    }()

    func testFixturesProduceFindings() {
        let sample = Self.sample
        XCTAssertGreaterThan(sample.report.findings.count, 5)
        XCTAssertGreaterThan(sample.listings.count, sample.report.listings / 2)
        XCTAssertEqual(sample.listings.count, sample.report.listings)
    }

    // MARK: SARIF

    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        let schema = TestSupport.conformance.appendingPathComponent("sarif/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            throw XCTSkip("the SARIF 2.1.0 schema \(schema.path) is missing: it lives in ../shared/conformance/sarif beside the checkout")
        }
        let sample = Self.sample
        let sarif = Reporter.render(sample.report, format: .sarif, context: sample.context)
        let (status, output) = try validate(sarif, schema: schema)
        switch status {
        case 0: break
        case 3: XCTFail("python3's jsonschema module is missing: pip install jsonschema (CI installs it)\n\(output)")
        default: XCTFail("the SARIF output does not validate against the SARIF 2.1.0 schema:\n\(output)")
        }
        // The validator is not vacuous: a level SARIF does not know and an end column of 0 fail.
        if status == 0 {
            let broken = sarif.replacingOccurrences(of: "\"level\":\"warning\"", with: "\"level\":\"fatal\"")
                .replacingOccurrences(of: "\"endColumn\":[0-9]+", with: "\"endColumn\":0", options: .regularExpression)
            let (brokenStatus, brokenOutput) = try validate(broken, schema: schema)
            XCTAssertEqual(brokenStatus, 1, brokenOutput)
            XCTAssertTrue(brokenOutput.contains("'fatal' is not one of"), brokenOutput)
            XCTAssertTrue(brokenOutput.contains("less than the minimum of 1"), brokenOutput)
        }
    }

    /// Runs validate_sarif.py on `sarif`: its exit status and what it printed.
    func validate(_ sarif: String, schema: URL) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("listing-lint-\(UUID().uuidString).sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = TestSupport.repositoryRoot.appendingPathComponent("Tests/ListingLintCoreTests/validate_sarif.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, schema.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testSARIFContent() throws {
        let sample = Self.sample
        let sarif = Reporter.render(sample.report, format: .sarif, context: sample.context)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let run = runs[0]
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "listing-lint")
        XCTAssertEqual(driver["version"] as? String, "0.1.0")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let ruleIds = rules.compactMap { $0["id"] as? String }
        XCTAssertEqual(Array(ruleIds.prefix(RuleRegistry.all.count)), RuleRegistry.all.map { $0.description.id })
        XCTAssertTrue(ruleIds.contains("unused-suppression"))
        XCTAssertEqual(Set(ruleIds).count, ruleIds.count, "a rule declared twice")
        for rule in rules {
            let id = try XCTUnwrap(rule["id"] as? String)
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = (rule[key] as? [String: Any])?["text"] as? String
                XCTAssertFalse(text?.isEmpty ?? true, "\(id): \(key).text")
            }
            XCTAssertEqual(rule["helpUri"] as? String, "urn:listing-lint:rule:" + id)
        }
        let brand = try XCTUnwrap(rules.first { $0["id"] as? String == "brand-names" })
        let properties = try XCTUnwrap(brand["properties"] as? [String: Any])
        XCTAssertEqual(properties["row"] as? String, "A5-05")
        XCTAssertEqual(properties["points"] as? Double, 1)
        XCTAssertNotNil(properties["processing"] as? String)
        XCTAssertNotNil(properties["period"] as? String)

        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, sample.report.findings.count + sample.report.suppressed.count)
        for (index, result) in results.enumerated() {
            let ruleId = try XCTUnwrap(result["ruleId"] as? String)
            let ruleIndex = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(ruleIds[ruleIndex], ruleId, "result \(index): ruleIndex")
            XCTAssertTrue(["error", "warning"].contains(result["level"] as? String ?? ""))
            let fingerprint = (result["partialFingerprints"] as? [String: Any])?["primaryLocationLineHash"] as? String
            XCTAssertFalse(fingerprint?.isEmpty ?? true, "result \(index): fingerprint")
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(location["artifactLocation"] as? [String: Any])
            let uri = try XCTUnwrap(artifact["uri"] as? String)
            XCTAssertTrue(uri.hasPrefix("Fixtures/"), "result \(index): \(uri) is not relative to the working directory")
            XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
            let region = try XCTUnwrap(location["region"] as? [String: Int])
            XCTAssertGreaterThanOrEqual(region["startLine"] ?? 0, 1)
            XCTAssertGreaterThanOrEqual(region["endColumn"] ?? 0, 1)
            XCTAssertGreaterThanOrEqual(region["endLine"] ?? 0, region["startLine"] ?? 0)
        }
        let warning = try XCTUnwrap(results.first { $0["ruleId"] as? String == "unused-suppression" })
        XCTAssertEqual(warning["level"] as? String, "warning")
        let suppressed = try XCTUnwrap(results.last?["suppressions"] as? [[String: Any]])
        XCTAssertEqual(suppressed.first?["kind"] as? String, "inSource")
        XCTAssertEqual(suppressed.first?["justification"] as? String, "authorized by the brand owner (contract 2024-17)")
        XCTAssertEqual(results.filter { $0["suppressions"] != nil }.count, 1)

        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        let notifications = try XCTUnwrap(invocation["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertEqual(notifications.count, 1)
        XCTAssertEqual(notifications[0]["level"] as? String, "error")
    }

    func testSARIFURIsArePercentEncodedAndOutsidePathsAbsolute() {
        XCTAssertEqual(ReportPaths.relative("/work/a/listings/b c/数据.md", to: "/work/a/"), "listings/b c/数据.md")
        XCTAssertEqual(ReportPaths.percentEncoded("listings/b c/数据,1:2.md"), "listings/b%20c/%E6%95%B0%E6%8D%AE%2C1%3A2.md")
        XCTAssertNil(ReportPaths.relative("/elsewhere/x.md", to: "/work/a"))
        XCTAssertEqual(ReportPaths.relative("/work/a/./x/../y.md", to: "/work/a"), "y.md")
        let finding = Self.finding(file: "/elsewhere/x y.md")
        var report = LintReport()
        report.findings = [finding]
        let sarif = SARIFReporter.render(report, context: ReportContext(workingDirectory: "/work/a"))
        XCTAssertTrue(sarif.contains("\"artifactLocation\":{\"uri\":\"file:///elsewhere/x%20y.md\"}"), sarif)
        XCTAssertTrue(sarif.contains("\"executionSuccessful\":true"))
    }

    // MARK: JUnit

    func testJUnitParsesBackWithOneTestCaseAListing() throws {
        let sample = Self.sample
        let xml = Reporter.render(sample.report, format: .junit, context: sample.context)
        let document = try XMLDocument(xmlString: xml, options: [])
        let suite = try XCTUnwrap(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        let testcases = try document.nodes(forXPath: "//testcase")
        XCTAssertEqual(testcases.count, sample.listings.count + sample.report.errors.count)
        XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, String(testcases.count))
        let failing = Set(sample.report.findings.map { LintReport.ListingKey(file: $0.file, listing: $0.listing) })
        XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, String(failing.count))
        XCTAssertEqual(suite.attribute(forName: "errors")?.stringValue, String(sample.report.errors.count))
        XCTAssertEqual(try document.nodes(forXPath: "//failure").count, sample.report.findings.count)
        XCTAssertEqual(try document.nodes(forXPath: "//error").count, sample.report.errors.count)
        // Clean listings are passing test cases.
        XCTAssertEqual(try document.nodes(forXPath: "//testcase[not(*)]").count, sample.listings.count - failing.count)

        let messages = try document.nodes(forXPath: "//failure").compactMap { ($0 as? XMLElement)?.attribute(forName: "message")?.stringValue }
        XCTAssertTrue(messages.contains("unused-suppression: suppression \"absolute-terms\" & <brand-names> silenced nothing\n(second line)"), "\(messages)")
        let first = try XCTUnwrap(sample.report.findings.first)
        let firstFailure = try XCTUnwrap(try document.nodes(forXPath: "//failure").first as? XMLElement)
        XCTAssertEqual(firstFailure.attribute(forName: "type")?.stringValue, first.rule)
        XCTAssertEqual(firstFailure.stringValue, "\(first.file):\(first.start.line):\(first.start.column) \(first.rule) \(first.message) [\(first.row), \(TextReporter.pointsText(first.points, .en))]")
        let testcase = try XCTUnwrap(firstFailure.parent as? XMLElement)
        XCTAssertEqual(testcase.attribute(forName: "classname")?.stringValue, first.file)
        XCTAssertEqual(testcase.attribute(forName: "name")?.stringValue, first.listing)
        let error = try XCTUnwrap(try document.nodes(forXPath: "//error").first as? XMLElement)
        XCTAssertEqual(error.attribute(forName: "message")?.stringValue, "front matter: the key \"id\" is required & <missing>")
    }

    func testJUnitWithoutListingsHasTestCasesForListingsWithFindings() throws {
        let sample = Self.sample
        let xml = JUnitReporter.render(sample.report, context: ReportContext())
        let document = try XMLDocument(xmlString: xml, options: [])
        let failing = Set(sample.report.findings.map { LintReport.ListingKey(file: $0.file, listing: $0.listing) })
        XCTAssertEqual(try document.nodes(forXPath: "//testcase").count, failing.count + sample.report.errors.count)
    }

    // MARK: GitHub

    static func finding(file: String, message: String = "x", severity: Severity = .error, row: String = "A5-08") -> Finding {
        Finding(
            file: file, listing: "l1", rule: row.isEmpty ? "unused-suppression" : "absolute-terms", row: row,
            points: row.isEmpty ? nil : 1, processing: "", period: "", field: "description",
            start: SourcePosition(line: 3, column: 5), end: SourcePosition(line: 4, column: 9), match: "100%",
            message: message, subject: nil, fingerprint: "fp", severity: severity)
    }

    func testGitHubAnnotationsEscapeLikeTheToolkit() {
        let context = ReportContext(workingDirectory: "/work/repo")
        var report = LintReport()
        report.findings = [
            Self.finding(file: "/work/repo/dir/a,b:c.md", message: "100% sure,\r\nsecond: line"),
            Self.finding(file: "/work/repo/x.md", message: "unused", severity: .warning, row: ""),
        ]
        report.errors = [
            InputError(file: "/work/repo/bad.md", line: 2, message: "bad: key\nhere"),
            InputError(file: "/elsewhere/z.md", message: "no such file or directory"),
        ]
        XCTAssertEqual(Reporter.render(report, format: .github, context: context), """
            ::error file=dir/a%2Cb%3Ac.md,line=3,col=5,endLine=4,endColumn=9,title=absolute-terms [A5-08]::100%25 sure,%0D%0Asecond: line
            ::warning file=x.md,line=3,col=5,endLine=4,endColumn=9,title=unused-suppression::unused
            ::error file=bad.md,line=2::bad: key%0Ahere
            ::error file=/elsewhere/z.md::no such file or directory

            """)
    }

    // MARK: Checkstyle

    func testCheckstyleParsesBack() throws {
        let sample = Self.sample
        let xml = Reporter.render(sample.report, format: .checkstyle, context: sample.context)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">"))
        let document = try XMLDocument(xmlString: xml, options: [])
        let errors = try document.nodes(forXPath: "/checkstyle/file/error").compactMap { $0 as? XMLElement }
        let findingErrors = errors.filter { $0.attribute(forName: "source")?.stringValue != "listing-lint.input" }
        XCTAssertEqual(findingErrors.count, sample.report.findings.count)
        XCTAssertEqual(errors.count - findingErrors.count, sample.report.errors.count)
        let files = try document.nodes(forXPath: "/checkstyle/file").compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
        XCTAssertEqual(files.count, Set(files).count, "a file grouped twice")
        XCTAssertEqual(Set(files), Set(sample.report.findings.map(\.file) + sample.report.errors.map(\.file)))
        let first = try XCTUnwrap(sample.report.findings.first)
        XCTAssertEqual(findingErrors[0].attribute(forName: "line")?.stringValue, String(first.start.line))
        XCTAssertEqual(findingErrors[0].attribute(forName: "column")?.stringValue, String(first.start.column))
        XCTAssertEqual(findingErrors[0].attribute(forName: "severity")?.stringValue, "error")
        XCTAssertEqual(findingErrors[0].attribute(forName: "message")?.stringValue, first.message)
        XCTAssertEqual(findingErrors[0].attribute(forName: "source")?.stringValue, "listing-lint.\(first.rule)")
        XCTAssertTrue(findingErrors.contains { $0.attribute(forName: "severity")?.stringValue == "warning" })
    }

    // MARK: JSON Lines

    func testJSONLinesEveryLineIsAnObject() throws {
        let sample = Self.sample
        let text = Reporter.render(sample.report, format: .jsonl, context: sample.context)
        XCTAssertTrue(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        var types: [String] = []
        for line in lines {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
            types.append(try XCTUnwrap(object["type"] as? String))
            if object["type"] as? String == "finding" {
                XCTAssertNotNil(object["fingerprint"] as? String)
                XCTAssertNotNil(object["line"] as? Int)
            }
        }
        XCTAssertEqual(types.filter { $0 == "finding" }.count, sample.report.findings.count)
        XCTAssertEqual(types.filter { $0 == "error" }.count, sample.report.errors.count)
        XCTAssertEqual(types.last, "summary")
        XCTAssertEqual(types.filter { $0 == "summary" }.count, 1)

        // The same keys, in the same order, as the JSON format's finding objects.
        let finding = try XCTUnwrap(sample.report.findings.first)
        XCTAssertEqual(JSONLinesReporter.finding(finding), "{\"type\":\"finding\"," + JSONReporter.findingObject(finding).dropFirst())
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(JSONLinesReporter.summary(sample.report).utf8)) as? [String: Any])
        XCTAssertEqual(summary["findings"] as? Int, sample.report.findings.count)
        XCTAssertEqual(summary["errors"] as? Int, sample.report.errors.count)
        let error = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(JSONLinesReporter.error(sample.report.errors[0]).utf8)) as? [String: Any])
        XCTAssertEqual(error["line"] as? Int, 2)
    }

    func testEveryFormatIsRouted() {
        XCTAssertEqual(OutputFormat.allCases.map(\.rawValue), ["text", "json", "jsonl", "sarif", "junit", "github", "checkstyle"])
        let sample = Self.sample
        for format in OutputFormat.allCases {
            XCTAssertFalse(Reporter.render(sample.report, format: format, context: sample.context).isEmpty, format.rawValue)
        }
    }
}
