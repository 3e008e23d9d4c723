import Foundation
import XCTest
@testable import ListingLintCore

/// The real `listing-lint` executable, run as a process.
final class CLITests: XCTestCase {
    func run(_ arguments: [String], stdin: String? = nil) throws -> CLIProcess.Run {
        try CLIProcess.run(arguments, stdin: stdin)
    }

    func testExitCodes() throws {
        XCTAssertEqual(try run(["check", "Fixtures/clean-software.md"]).status, 0)
        XCTAssertEqual(try run(["check", "Fixtures/violations.md"]).status, 1)
        XCTAssertEqual(try run(["check", "Fixtures/bad/empty.md"]).status, 2)
        XCTAssertEqual(try run(["check", "--format", "yaml", "Fixtures"]).status, 2, "unknown format is a usage error")
        XCTAssertEqual(try run(["check", "Fixtures/nope.md"]).status, 2)
        XCTAssertEqual(try run(["check"]).status, 2)
    }

    func testJSONSchema() throws {
        let result = try run(["check", "--format", "json", "Fixtures/violations.md", "Fixtures/listing.json", "Fixtures/catalogue.jsonl", "Fixtures/clean-software.md", "Fixtures/bad/missing-id.md"])
        XCTAssertEqual(result.status, 2)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["findings", "errors", "suppressed", "fixed", "summary"])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertFalse(findings.isEmpty)
        let keys: Set<String> = ["file", "listing", "rule", "row", "points", "processing", "period", "field", "line", "column", "endLine", "endColumn", "match", "message"]
        for finding in findings { XCTAssertTrue(keys.isSubset(of: Set(finding.keys)), "\(finding.keys)") }
        let errors = try XCTUnwrap(object["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?["file"] as? String, "Fixtures/bad/missing-id.md")
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["findings"] as? Int, findings.count)
        XCTAssertEqual(summary["files"] as? Int, 5)
        // Points count each violated row once per listing.
        var rows: [String: [String: Double]] = [:]
        for finding in findings {
            rows["\(finding["file"]!)|\(finding["listing"]!)", default: [:]][finding["row"] as! String] = (finding["points"] as? Double) ?? 0
        }
        let expectedPoints = rows.values.map { $0.values.reduce(0, +) }.reduce(0, +)
        XCTAssertEqual(summary["points"] as? Double, expectedPoints)
        XCTAssertLessThan(expectedPoints, findings.compactMap { $0["points"] as? Double }.reduce(0, +))
    }

    func testStandardInputAndChineseMessages() throws {
        let listing = "---\nid: s\ntitle: 最好的工具\ncategory: software\n---\n## 功能介绍\nx\n## 使用流程\ny\n"
        let result = try run(["check", "--lang", "zh", "-"], stdin: listing)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("<stdin>:3:8: absolute-terms: 绝对化用语“最好”"), result.stdout)
        XCTAssertTrue(result.stdout.contains("共 1 处违规"), result.stdout)
    }

    func testRulesAndExplain() throws {
        let rules = try run(["rules"])
        XCTAssertEqual(rules.status, 0)
        for type in RuleRegistry.all { XCTAssertTrue(rules.stdout.contains(type.description.id)) }
        XCTAssertTrue(rules.stdout.contains("A5-15"))
        let explain = try run(["explain", "brand-names"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("Article 4 2 c) 2"))
        XCTAssertTrue(explain.stdout.contains("↓淘宝"))
        XCTAssertEqual(try run(["explain", "no-such-rule"]).status, 2)
    }
}

/// The real `listing-lint` executable, run as a process.
enum CLIProcess {
    struct Run { let status: Int32; let stdout: String; let stderr: String }

    static var executable: URL {
        let buildDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        let beside = buildDirectory.appendingPathComponent("listing-lint")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("listing-lint")
    }

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL = TestSupport.repositoryRoot) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
