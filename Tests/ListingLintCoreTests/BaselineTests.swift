import Foundation
import XCTest
@testable import ListingLintCore

final class BaselineTests: XCTestCase {
    var directory: TemporaryDirectory!

    override func setUpWithError() throws { directory = try TemporaryDirectory() }
    override func tearDown() { directory = nil }

    func lintFile(_ path: String) throws -> [Finding] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let result = ListingReader.read(bytes: [UInt8](data), file: path, format: try XCTUnwrap(ListingFormat(path: path)))
        XCTAssertEqual(result.errors, [])
        let scratch = RegexScratch()
        return result.listings.flatMap { TestSupport.engine.lint($0, scratch: scratch) }
    }

    func lint(_ text: String, file: String = "b.md") -> [Finding] {
        let result = TestSupport.lint(text, file: file)
        XCTAssertEqual(result.errors, [])
        return result.findings
    }

    // MARK: - Writing and reading

    func testWriteReadRoundTrip() throws {
        let findings = try lintFile(TestSupport.repositoryRoot.appendingPathComponent("Fixtures/violations.md").path)
            + lintFile(TestSupport.repositoryRoot.appendingPathComponent("Fixtures/catalogue.jsonl").path)
        XCTAssertGreaterThan(findings.count, 3, "the fixtures have findings")
        let path = directory.url("baseline.json")
        try BaselineFile.write(findings, to: path)
        let entries = try BaselineFile.read(path: path)
        XCTAssertEqual(entries, BaselineFile.entries(of: findings))
        XCTAssertEqual(Set(entries.map(\.fingerprint)), Set(findings.map(\.fingerprint)))
        let byFingerprint = Dictionary(uniqueKeysWithValues: findings.map { ($0.fingerprint, $0) })
        for entry in entries {
            let finding = try XCTUnwrap(byFingerprint[entry.fingerprint])
            XCTAssertEqual(entry, BaselineEntry(finding))
        }

        // The file: versioned, named, one entry per finding, stable order.
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 1)
        XCTAssertEqual(object["tool"] as? String, "listing-lint")
        XCTAssertEqual((object["findings"] as? [Any])?.count, findings.count)
        let sorted = entries.sorted { ($0.file, $0.listing, $0.rule, $0.field, $0.match, $0.fingerprint) < ($1.file, $1.listing, $1.rule, $1.field, $1.match, $1.fingerprint) }
        XCTAssertEqual(entries, sorted)

        // Written again from the findings in another order: the same bytes.
        let again = directory.url("again.json")
        try BaselineFile.write(findings.reversed(), to: again)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try Data(contentsOf: URL(fileURLWithPath: again)))
    }

    func testReadErrorsAreClear() throws {
        func message(_ text: String?, name: String) -> String {
            let path = directory.url(name)
            if let text { try? text.write(toFile: path, atomically: true, encoding: .utf8) }
            do {
                _ = try BaselineFile.read(path: path)
                return "no error"
            } catch {
                XCTAssertTrue(error is BaselineError, "\(error)")
                XCTAssertTrue("\(error)".hasPrefix(path + ": "), "the error names the file: \(error)")
                return "\(error)"
            }
        }
        XCTAssertTrue(message(nil, name: "missing.json").contains("no such baseline file (record one with --write-baseline"))
        XCTAssertTrue(message("", name: "empty.json").contains("the baseline file is empty"))
        XCTAssertTrue(message("{\"version\": 1, \"findings\": [", name: "cut.json").contains("not a listing-lint baseline: not valid JSON"))
        XCTAssertTrue(message("[1, 2]", name: "array.json").contains("not a listing-lint baseline"))
        XCTAssertTrue(message("{\"version\": 2, \"findings\": []}", name: "v2.json").contains("baseline version 2 is not supported"))
        XCTAssertTrue(message("{\"version\": 1, \"tool\": \"swiftlint\", \"findings\": []}", name: "other.json").contains("written by 'swiftlint'"))
        let noFindings = message("{\"version\": 1}", name: "nofindings.json")
        XCTAssertTrue(noFindings.contains("the top level has no 'findings'"), noFindings)
        let badEntry = message("{\"version\": 1, \"findings\": [{\"fingerprint\": \"x\"}]}", name: "entry.json")
        XCTAssertTrue(badEntry.contains("findings[0] has no 'file'"), badEntry)
        XCTAssertEqual(try BaselineFile.read(path: try directory.write("none.json", "{\"version\": 1, \"tool\": \"listing-lint\", \"findings\": []}")), [])

        XCTAssertThrowsError(try BaselineFile.write([], to: directory.url("no/such/dir/b.json"))) { error in
            XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
        }
    }

    // MARK: - Comparing

    func testCompareReportsNewKnownAndFixed() throws {
        let before = lint(TestSupport.listing(body: "我们是最好的团队。\n加微信联系。"))
        XCTAssertEqual(Set(before.map(\.rule)), ["absolute-terms", "off-platform-chat"])
        let path = directory.url("baseline.json")
        try BaselineFile.write(before, to: path)
        let baseline = try BaselineFile.read(path: path)

        // The chat contact is fixed, a new absolute term appears, the old one stays (on another line).
        let after = lint(TestSupport.listing(body: "新增一段介绍。\n我们是最好的团队。\n唯一的选择。"))
        let comparison = BaselineFile.compare(after, baseline: baseline, lintedListings: ["t"])
        XCTAssertEqual(comparison.new.map(\.match), ["唯一"])
        XCTAssertEqual(comparison.known, 1)
        XCTAssertEqual(comparison.fixed.map(\.rule), ["off-platform-chat"])
        XCTAssertEqual(comparison.fixed.first?.match, before.first { $0.rule == "off-platform-chat" }?.match)

        // Entries of listings not linted this time are not called fixed.
        let elsewhere = BaselineFile.compare([], baseline: baseline, lintedListings: ["another"])
        XCTAssertEqual(elsewhere.fixed, [])
        XCTAssertEqual(elsewhere.known, 0)
        XCTAssertEqual(elsewhere.new, [])

        // Against an empty baseline everything is new.
        let fresh = BaselineFile.compare(after, baseline: [], lintedListings: ["t"])
        XCTAssertEqual(fresh.new.count, after.count)
        XCTAssertEqual(fresh.known, 0)
    }

    func testRepeatedFindingsAreCountedOneByOne() throws {
        let before = lint(TestSupport.listing(body: "最好。\n最好。"))
        XCTAssertEqual(before.count, 2)
        XCTAssertEqual(Set(before.map(\.fingerprint)).count, 2, "occurrences tell identical findings apart")
        let after = lint(TestSupport.listing(body: "最好。\n最好。\n最好。"))
        let comparison = BaselineFile.compare(after, baseline: BaselineFile.entries(of: before), lintedListings: ["t"])
        XCTAssertEqual(comparison.known, 2)
        XCTAssertEqual(comparison.new.count, 1, "a third occurrence is new")
        XCTAssertEqual(comparison.fixed, [])
    }

    // MARK: - Fingerprints

    func testFingerprintsSurviveEditsAboveAndBelow() throws {
        let body = "我们是最好的团队。\n加微信联系。"
        let before = lint(TestSupport.listing(body: body))
        let edited = lint(TestSupport.listing(body: "先介绍一下背景。\n\n再补充一句。\n" + body + "\n\n最后的说明。\n"))
        XCTAssertEqual(before.count, 2)
        XCTAssertEqual(Set(before.map(\.fingerprint)), Set(edited.map(\.fingerprint)))
        XCTAssertNotEqual(before.map(\.start.line), edited.map(\.start.line), "the lines did move")

        // Moving the finding's own line within the text keeps it too.
        let moved = lint(TestSupport.listing(body: "加微信联系。\n其他内容。\n我们是最好的团队。"))
        XCTAssertEqual(Set(before.map(\.fingerprint)), Set(moved.map(\.fingerprint)))

        // Missing-module findings (no matched text) are stable as well.
        let missing = "---\nid: m\ntitle: 数据工具\ncategory: software\n---\n## 功能介绍\n多店铺同步\n"
        let missingBefore = lint(missing)
        let missingAfter = lint(missing.replacingOccurrences(of: "## 功能介绍\n", with: "引言。\n\n## 功能介绍\n") + "\n补充。\n")
        XCTAssertEqual(missingBefore.map(\.rule), ["missing-modules"])
        XCTAssertEqual(missingBefore.map(\.fingerprint), missingAfter.map(\.fingerprint))
    }

    func testFingerprintsChangeWithTheMatchedText() throws {
        let before = lint(TestSupport.listing(body: "我们是最好的团队。"))
        let after = lint(TestSupport.listing(body: "我们是第一的团队。"))
        XCTAssertEqual(before.map(\.rule), ["absolute-terms"])
        XCTAssertEqual(after.map(\.rule), ["absolute-terms"])
        XCTAssertNotEqual(before[0].fingerprint, after[0].fingerprint)
        let comparison = BaselineFile.compare(after, baseline: BaselineFile.entries(of: before), lintedListings: ["t"])
        XCTAssertEqual(comparison.new.map(\.match), ["第一"])
        XCTAssertEqual(comparison.fixed.map(\.match), ["最好"])

        // Another listing id, another field: other fingerprints.
        let otherListing = lint(TestSupport.listing(body: "我们是最好的团队。").replacingOccurrences(of: "id: t", with: "id: u"))
        XCTAssertNotEqual(before[0].fingerprint, otherListing[0].fingerprint)
        let inTitle = lint(TestSupport.listing(title: "最好", body: "团队。"))
        XCTAssertNotEqual(before[0].fingerprint, inTitle[0].fingerprint)
    }
}
