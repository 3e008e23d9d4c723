import Foundation
import XCTest
@testable import ListingLintCore

final class SuppressionTests: XCTestCase {
    let knownRules = Set(RuleRegistry.all.map { $0.description.id })

    struct Outcome {
        let kept: [Finding]
        let suppressed: [SuppressedFinding]
        let notes: [Finding]
        let listing: Listing
        var keptSummary: [String] { kept.map { "\($0.rule)@\($0.start.line)" } }
        var suppressedSummary: [String] { suppressed.map { "\($0.finding.rule)@\($0.finding.start.line)" } }
        var noteSummary: [String] { notes.map { "\($0.rule)@\($0.start.line)" } }
    }

    /// Reads and lints one listing with the real reader and engine, then applies its suppressions.
    func run(_ text: String, format: ListingFormat = .markdown, file: String = "s.md") throws -> Outcome {
        let result = ListingReader.read(bytes: Array(text.utf8), file: file, format: format)
        XCTAssertEqual(result.errors, [])
        let listing = try XCTUnwrap(result.listings.first)
        let findings = TestSupport.engine.lint(listing, scratch: RegexScratch())
        let applied = Suppressions.apply(findings, to: listing, knownRules: knownRules)
        XCTAssertEqual(applied.kept.count + applied.suppressed.count, findings.count, "no finding is lost")
        return Outcome(kept: applied.kept, suppressed: applied.suppressed, notes: applied.notes, listing: listing)
    }

    /// Front matter on lines 1-5, `## 功能介绍` on line 6, the body from line 7.
    func listing(title: String = "数据工具", _ body: String) -> String {
        TestSupport.listing(title: title, body: body)
    }

    // MARK: - disable-next-line

    func testDisableNextLineWithReason() throws {
        let outcome = try run(listing("""
            <!-- listing-lint disable-next-line absolute-terms -- quoted from the award's title -->
            我们是最好的团队。
            这是第一品牌。
            """))
        XCTAssertEqual(outcome.suppressedSummary, ["absolute-terms@8"])
        XCTAssertEqual(outcome.suppressed.first?.reason, "quoted from the award's title")
        XCTAssertEqual(outcome.keptSummary, ["absolute-terms@9"], "only the next line is silenced")
        XCTAssertEqual(outcome.notes.count, 0, "\(outcome.notes.map(\.message))")
    }

    func testDisableNextLineSkipsBlankLinesAndTakesSeveralRules() throws {
        let outcome = try run(listing("""
            <!-- listing-lint disable-next-line absolute-terms, off-platform-chat -- the client insisted -->

            最好的服务，加微信联系。
            """))
        XCTAssertEqual(Set(outcome.suppressedSummary), ["absolute-terms@9", "off-platform-chat@9"])
        XCTAssertEqual(outcome.kept.count, 0)
        XCTAssertEqual(outcome.notes.count, 0, "\(outcome.notes.map(\.message))")
    }

    func testSuppressionWithoutReasonSilencesAndIsReported() throws {
        let outcome = try run(listing("""
            <!-- listing-lint disable-next-line absolute-terms -->
            我们是最好的团队。
            """))
        XCTAssertEqual(outcome.suppressedSummary, ["absolute-terms@8"], "it still silences")
        XCTAssertNil(outcome.suppressed.first?.reason)
        XCTAssertEqual(outcome.noteSummary, ["invalid-suppression@7"])
        let note = try XCTUnwrap(outcome.notes.first)
        XCTAssertEqual(note.severity, .error)
        XCTAssertEqual(note.start, SourcePosition(line: 7, column: 1))
        XCTAssertEqual(note.field, "description")
        XCTAssertEqual(note.row, "")
        XCTAssertNil(note.points)
        XCTAssertEqual(note.listing, "t")
        XCTAssertEqual(note.file, "s.md")
        XCTAssertEqual(note.match, "listing-lint disable-next-line absolute-terms")
        XCTAssertTrue(note.message.contains("gives no reason"), note.message)
        XCTAssertTrue(note.message.contains("--"), "the message says how to fix it: \(note.message)")

        // An empty reason after `--` is no reason.
        let empty = try run(listing("<!-- listing-lint disable-next-line absolute-terms -- -->\n最好"))
        XCTAssertEqual(empty.noteSummary, ["invalid-suppression@7"])
        XCTAssertEqual(empty.suppressed.count, 1)
    }

    // MARK: - disable / enable

    func testDisableEnableBlock() throws {
        let outcome = try run(listing("""
            最好的开始。
            <!-- listing-lint disable absolute-terms -- the glossary quotes competitors' slogans -->
            第一名。

            唯一的选择。
            <!-- listing-lint enable absolute-terms -->
            顶级服务。
            """))
        XCTAssertEqual(outcome.suppressedSummary, ["absolute-terms@9", "absolute-terms@11"])
        XCTAssertEqual(outcome.keptSummary, ["absolute-terms@7", "absolute-terms@13"])
        XCTAssertEqual(outcome.notes.count, 0, "\(outcome.notes.map(\.message))")
        XCTAssertTrue(outcome.suppressed.allSatisfy { $0.reason == "the glossary quotes competitors' slogans" })
    }

    func testDisableWithoutEnableRunsToTheEnd() throws {
        let outcome = try run(listing("""
            最好的开始。
            <!-- listing-lint disable all -- legacy copy, rewrite tracked in ticket 88 -->
            第一名，加微信。
            """))
        XCTAssertEqual(outcome.keptSummary, ["absolute-terms@7"])
        XCTAssertEqual(Set(outcome.suppressedSummary), ["absolute-terms@9", "off-platform-chat@9"])
        XCTAssertEqual(outcome.notes.count, 0, "\(outcome.notes.map(\.message))")

        let unused = try run(listing("最好。\n<!-- listing-lint disable brand-names -- imported text -->\n文本。"))
        XCTAssertEqual(unused.noteSummary, ["unused-suppression@8"])
        XCTAssertTrue(unused.notes[0].message.contains("never enabled again"), unused.notes[0].message)
    }

    func testEnableOneRuleOfDisableAll() throws {
        let outcome = try run(listing("""
            <!-- listing-lint disable all -- imported text -->
            <!-- listing-lint enable absolute-terms -->
            最好，加微信。
            <!-- listing-lint enable -->
            加微信。
            """))
        XCTAssertEqual(outcome.keptSummary, ["absolute-terms@9", "off-platform-chat@11"])
        XCTAssertEqual(outcome.suppressedSummary, ["off-platform-chat@9"])
        XCTAssertEqual(outcome.notes.count, 0, "\(outcome.notes.map(\.message))")
    }

    func testEnableWithoutDisableIsUnused() throws {
        let outcome = try run(listing("<!-- listing-lint enable brand-names -->\n好的服务。"))
        XCTAssertEqual(outcome.noteSummary, ["unused-suppression@7"])
        XCTAssertEqual(outcome.notes.first?.severity, .warning)
        XCTAssertTrue(outcome.notes.first?.message.contains("no open `disable`") == true, outcome.notes.first?.message ?? "")
    }

    // MARK: - disable-file

    func testDisableFileCoversTitleAndBody() throws {
        let outcome = try run(listing(title: "最好的数据工具", """
            第一名。
            <!-- listing-lint disable-file absolute-terms -- the registered brand name, approved by the operator -->
            """))
        XCTAssertEqual(outcome.suppressedSummary, ["absolute-terms@3", "absolute-terms@7"])
        XCTAssertEqual(outcome.suppressed.first?.finding.field, "title")
        XCTAssertEqual(outcome.kept.count, 0)
        XCTAssertEqual(outcome.notes.count, 0)

        let unreasoned = try run(listing(title: "最好的数据工具", "<!-- listing-lint disable-file absolute-terms -->\n文本"))
        XCTAssertEqual(unreasoned.suppressedSummary, ["absolute-terms@3"])
        XCTAssertEqual(unreasoned.noteSummary, ["invalid-suppression@7"])
    }

    // MARK: - Mistakes

    func testUnknownRuleIsReportedAndKnownOnesStillApply() throws {
        let outcome = try run(listing("""
            <!-- listing-lint disable-next-line absolut-terms,off-platform-chat -- typo -->
            最好的服务，加微信。
            """))
        XCTAssertEqual(outcome.suppressedSummary, ["off-platform-chat@8"])
        XCTAssertEqual(outcome.keptSummary, ["absolute-terms@8"], "the misspelt rule silences nothing")
        XCTAssertEqual(outcome.noteSummary, ["invalid-suppression@7"])
        let message = outcome.notes[0].message
        XCTAssertTrue(message.contains("unknown rule 'absolut-terms'"), message)
        XCTAssertTrue(message.contains("absolute-terms"), "lists the known rules: \(message)")
    }

    func testUnknownDirectiveAndMissingRules() throws {
        let outcome = try run(listing("""
            <!-- listing-lint disable-line absolute-terms -- wrong word -->
            最好。
            <!-- listing-lint disable-next-line -- no rules -->
            第一。
            <!-- listing-lint -->
            <!-- an ordinary comment about listing-lint -->
            <!-- listing-linter disable all -->
            """))
        XCTAssertEqual(outcome.keptSummary, ["absolute-terms@8", "absolute-terms@10"])
        XCTAssertEqual(outcome.noteSummary, ["invalid-suppression@7", "invalid-suppression@9", "invalid-suppression@11"])
        XCTAssertTrue(outcome.notes[0].message.contains("unknown listing-lint directive 'disable-line'"), outcome.notes[0].message)
        XCTAssertTrue(outcome.notes[1].message.contains("names no rule"), outcome.notes[1].message)
        XCTAssertTrue(outcome.notes[2].message.contains("names no directive"), outcome.notes[2].message)
    }

    func testUnusedSuppressions() throws {
        let outcome = try run(listing("""
            <!-- listing-lint disable-next-line absolute-terms,brand-names -- was needed once -->
            最好的服务。
            <!-- listing-lint disable-next-line external-links -- nothing here -->
            平常的一句话。
            <!-- listing-lint disable keyword-stacking -- glossary -->
            <!-- listing-lint enable keyword-stacking -->
            <!-- listing-lint disable-file all -- nothing at all -->
            """))
        XCTAssertEqual(outcome.suppressedSummary, ["absolute-terms@8"])
        XCTAssertEqual(outcome.noteSummary, ["unused-suppression@7", "unused-suppression@9", "unused-suppression@11", "unused-suppression@13"])
        XCTAssertTrue(outcome.notes.allSatisfy { $0.severity == .warning })
        XCTAssertTrue(outcome.notes[0].message.contains("brand-names silences nothing"), outcome.notes[0].message)
        XCTAssertTrue(outcome.notes[0].message.contains("remove brand-names from it"), outcome.notes[0].message)
        XCTAssertTrue(outcome.notes[1].message.contains("no external-links finding on line 10"), outcome.notes[1].message)
        XCTAssertTrue(outcome.notes[3].message.contains("silences nothing"), outcome.notes[3].message)
    }

    func testRepeatedSuppressionIsUnused() throws {
        let outcome = try run(listing("""
            <!-- listing-lint disable-file absolute-terms -- whole file -->
            <!-- listing-lint disable-next-line absolute-terms -- this line -->
            最好。
            """))
        XCTAssertEqual(outcome.suppressedSummary, ["absolute-terms@9"])
        XCTAssertEqual(outcome.suppressed.first?.reason, "this line", "the most specific suppression gets the credit")
        XCTAssertEqual(outcome.noteSummary, ["unused-suppression@7"])
    }

    func testNoteFingerprintsSurviveLineMoves() throws {
        let body = "<!-- listing-lint disable-next-line absolute-terms -->\n最好。\n<!-- listing-lint disable-next-line brand-names -- gone -->\n文本"
        let before = try run(listing(body))
        let after = try run(listing("新的一段。\n\n" + body + "\n更多文本。"))
        XCTAssertEqual(before.notes.count, 2)
        XCTAssertEqual(Set(before.notes.map(\.fingerprint)), Set(after.notes.map(\.fingerprint)))
        XCTAssertNotEqual(before.notes.map(\.start.line), after.notes.map(\.start.line))
        XCTAssertEqual(Set(before.notes.map(\.fingerprint)).count, 2)
    }

    // MARK: - lint_suppressions

    let json = """
        {
          "id": "j-1",
          "title": "最好的数据工具",
          "category": "software",
          "description": "## 功能介绍\\n最好的工具，加微信。\\n## 使用流程\\n授权即可。",
          "lint_suppressions": [
            SUPPRESSIONS
          ]
        }
        """

    func runJSON(_ entries: String) throws -> Outcome {
        try run(json.replacingOccurrences(of: "SUPPRESSIONS", with: entries), format: .json, file: "s.json")
    }

    func testJSONEntryForTheWholeListing() throws {
        let outcome = try runJSON(#"{"rules": ["absolute-terms"], "reason": "trademark 最好 registered"}"#)
        XCTAssertEqual(Set(outcome.suppressed.map { "\($0.finding.rule) \($0.finding.field)" }), ["absolute-terms title", "absolute-terms description"])
        XCTAssertTrue(outcome.suppressed.allSatisfy { $0.reason == "trademark 最好 registered" })
        XCTAssertEqual(outcome.kept.map(\.rule), ["off-platform-chat"])
        XCTAssertEqual(outcome.notes.count, 0, "\(outcome.notes.map(\.message))")
    }

    func testJSONEntryNarrowedByField() throws {
        let outcome = try runJSON(#"{"rules": "absolute-terms", "reason": "the title is the registered name", "field": "title"}"#)
        XCTAssertEqual(outcome.suppressed.map { "\($0.finding.rule) \($0.finding.field)" }, ["absolute-terms title"])
        XCTAssertEqual(Set(outcome.kept.map { "\($0.rule) \($0.field)" }), ["absolute-terms description", "off-platform-chat description"])
        XCTAssertEqual(outcome.notes.count, 0)
    }

    func testJSONEntryNarrowedByLine() throws {
        let outcome = try runJSON(#"{"rules": ["all"], "reason": "description reviewed by legal", "line": 5}"#)
        XCTAssertEqual(Set(outcome.suppressed.map { "\($0.finding.rule) \($0.finding.field)" }), ["absolute-terms description", "off-platform-chat description"])
        XCTAssertEqual(outcome.kept.map { "\($0.rule) \($0.field)" }, ["absolute-terms title"])
        XCTAssertEqual(outcome.notes.count, 0)
    }

    func testJSONEntryMistakes() throws {
        let outcome = try runJSON("""
            {"rules": ["absolute-terms"]},
                {"rules": ["external-links"], "reason": "nothing to silence"},
                {"rules": ["no-such-rule"], "reason": "typo"},
                {"rules": ["off-platform-chat"], "reason": "wrong field", "field": "titel"}
            """)
        XCTAssertEqual(Set(outcome.suppressed.map(\.finding.field)), ["title", "description"], "an entry without a reason still silences")
        XCTAssertEqual(outcome.kept.map(\.rule), ["off-platform-chat"])
        XCTAssertEqual(outcome.notes.map { "\($0.rule)@\($0.start.line)" },
                       ["invalid-suppression@7", "unused-suppression@8", "invalid-suppression@9", "unused-suppression@10"], "in source order")
        XCTAssertTrue(outcome.notes.allSatisfy { $0.field == "lint_suppressions" })
        XCTAssertTrue(outcome.notes[0].message.contains("gives no reason"), outcome.notes[0].message)
        XCTAssertTrue(outcome.notes[0].message.contains("reason:"), outcome.notes[0].message)
        XCTAssertTrue(outcome.notes[2].message.contains("unknown rule 'no-such-rule'"), outcome.notes[2].message)
        XCTAssertTrue(outcome.notes[3].message.contains("in field 'titel'"), outcome.notes[3].message)
        XCTAssertEqual(outcome.notes[0].start.column, 5, "entries point at the entry itself")
    }

    func testFrontMatterEntriesWorkInMarkdown() throws {
        let outcome = try run(TestSupport.listing(
            title: "最好的数据工具",
            extra: "lint_suppressions:\n  - {rules: [absolute-terms], reason: registered name, field: title}\n",
            body: "最好。"))
        XCTAssertEqual(outcome.suppressed.map(\.finding.field), ["title"])
        XCTAssertEqual(outcome.kept.map(\.field), ["description"])
        XCTAssertEqual(outcome.notes.count, 0)
    }

    func testFindingsOfOtherListingsPassThrough() throws {
        let first = try run(listing("<!-- listing-lint disable-file all -- everything -->\n最好"))
        let other = try run(TestSupport.listing(body: "最好").replacingOccurrences(of: "id: t", with: "id: other"))
        let applied = Suppressions.apply(other.kept, to: first.listing, knownRules: knownRules)
        XCTAssertEqual(applied.kept.count, other.kept.count)
        XCTAssertEqual(applied.suppressed.count, 0)
    }
}
