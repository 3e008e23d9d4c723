import Foundation
import XCTest
@testable import ListingLintCore

/// Gates, configuration and baselines through the real executable, in a temporary folder.
final class GateTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("listings"), withIntermediateDirectories: true)
        let violations = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Fixtures/violations.md"), encoding: .utf8)
        try violations.write(to: folder.appendingPathComponent("listings/a.md"), atomically: true, encoding: .utf8)
        let clean = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Fixtures/clean-software.md"), encoding: .utf8)
        try clean.write(to: folder.appendingPathComponent("listings/b.md"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func run(_ arguments: [String]) throws -> CLIProcess.Run {
        try CLIProcess.run(arguments, in: folder)
    }

    func json(_ run: CLIProcess.Run) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout + run.stderr)
    }

    func testThresholdsAndExitCodes() throws {
        // Fixtures/violations.md violates seven distinct rows worth 20 points: 20 fails, 21 passes.
        let summary = try json(try run(["check", "--format", "json", "listings"]))["summary"] as? [String: Any]
        XCTAssertEqual(summary?["points"] as? Double, 20)
        XCTAssertEqual(try run(["check", "listings"]).status, 1, "default: any finding fails")
        XCTAssertEqual(try run(["check", "--fail-on-points", "20", "listings"]).status, 1)
        XCTAssertEqual(try run(["check", "--fail-on-points", "21", "listings"]).status, 0)
        XCTAssertEqual(try run(["check", "--fail-on", "external-links", "listings"]).status, 1)
        XCTAssertEqual(try run(["check", "--fail-on", "keyword-stacking,erp-price-floor", "--fail-on-points", "100", "listings"]).status, 1)
        XCTAssertEqual(try run(["check", "--fail-on", "no-such-rule", "listings"]).status, 2)
        XCTAssertEqual(try run(["check", "--fail-on-points", "100", "listings/b.md"]).status, 0)
        XCTAssertEqual(try run(["check", "listings/b.md"]).status, 0)
        // An unused suppression is a warning: only --strict fails on it.
        let unused = "---\nid: u\ntitle: 数据工具\ncategory: software\n---\n## 功能介绍\n<!-- listing-lint disable-next-line absolute-terms -- old note -->\n同步订单\n## 使用流程\n授权\n"
        try unused.write(to: folder.appendingPathComponent("listings/b.md"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["check", "listings/b.md"]).status, 0)
        XCTAssertEqual(try run(["check", "--strict", "listings/b.md"]).status, 1)
    }

    func testConfigurationIsDiscoveredAndItsErrorsNameFileAndLine() throws {
        try "rules:\n  keyword-stacking: false\n  absolute-terms: {enabled: false}\n".write(to: folder.appendingPathComponent(".listing-lint.yml"), atomically: true, encoding: .utf8)
        let findings = try json(try run(["check", "--format", "json", "listings"]))["findings"] as? [[String: Any]] ?? []
        XCTAssertFalse(findings.isEmpty)
        XCTAssertFalse(findings.contains { ($0["rule"] as? String) == "absolute-terms" || ($0["rule"] as? String) == "keyword-stacking" })
        try "rules:\n  absolute-terms:\n    extra_term: [x]\n".write(to: folder.appendingPathComponent(".listing-lint.yml"), atomically: true, encoding: .utf8)
        let broken = try run(["check", "listings"])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stdout.contains(".listing-lint.yml:3: unknown key 'extra_term'"), broken.stdout)
        let printed = try run(["config", "--print", "listings"])
        XCTAssertEqual(printed.status, 2)
    }

    func testBaselineHidesKnownFindingsAndReportsFixedOnes() throws {
        XCTAssertEqual(try run(["check", "--write-baseline", "baseline.json", "listings"]).status, 1)
        let quiet = try run(["check", "--baseline", "baseline.json", "--format", "json", "listings"])
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        let summary = try json(quiet)["summary"] as? [String: Any]
        XCTAssertEqual(summary?["findings"] as? Int, 0)
        XCTAssertGreaterThan(summary?["baselined"] as? Int ?? 0, 0)
        // Fix one finding and add a new one, with lines inserted above both.
        var text = try String(contentsOf: folder.appendingPathComponent("listings/a.md"), encoding: .utf8)
        text = text.replacingOccurrences(of: "或加薇信咨询", with: "")
            .replacingOccurrences(of: "## 功能介绍\n", with: "## 功能介绍\n新增一行说明。\n\n另一行。\n这是唯一的方案。\n")
        try text.write(to: folder.appendingPathComponent("listings/a.md"), atomically: true, encoding: .utf8)
        let after = try run(["check", "--baseline", "baseline.json", "--format", "json", "listings"])
        XCTAssertEqual(after.status, 1)
        let object = try json(after)
        let new = (object["findings"] as? [[String: Any]] ?? []).map { $0["match"] as? String }
        XCTAssertEqual(new, ["唯一"])
        let fixed = (object["fixed"] as? [[String: Any]] ?? []).map { $0["match"] as? String }
        XCTAssertEqual(fixed, ["加薇信"])
    }

    func testJSONLinesStreamsOneObjectALine() throws {
        let result = try run(["check", "--format", "jsonl", "listings", "missing.md"])
        XCTAssertEqual(result.status, 2)
        let lines = result.stdout.split(separator: "\n")
        let types = try lines.map { line -> String in
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return object["type"] as? String ?? "?"
        }
        XCTAssertEqual(types.first, "error")
        XCTAssertEqual(types.last, "summary")
        XCTAssertGreaterThan(types.filter { $0 == "finding" }.count, 5)
    }
}
