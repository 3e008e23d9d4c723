import Foundation
import XCTest
import Yams
@testable import ListingLintCore

/// Precision and recall of every rule on the team's corpus of realistic listings
/// (Tests/Corpus: 190 listings, both languages, all categories, evasions and hard negatives).
final class CorpusTests: XCTestCase {
    struct Expected: Decodable {
        struct Item: Decodable {
            let rule: String
            let text: String?
            let occurrence: Int?
            let module: String?
        }
        let file: String
        let listing: String
        let findings: [Item]
    }

    struct Tally { var truePositives = 0, falsePositives = 0, falseNegatives = 0 }

    /// Byte range of the nth occurrence of `needle` in `haystack`.
    static func occurrence(_ needle: [UInt8], in haystack: [UInt8], _ nth: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var seen = 0
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
                seen += 1
                if seen == nth { return index..<(index + needle.count) }
            }
            index += 1
        }
        return nil
    }

    func testEveryRuleMeetsThePrecisionAndRecallBar() throws {
        try evaluate("Tests/Corpus", precision: 0.97, recall: 0.95)
    }

    /// A second corpus, written independently from the spec by another author. Its first run
    /// (before any change made after reading its results) gave absolute-terms precision 0.906,
    /// off-platform-chat 0.947/0.947 and missing-modules 0.952/0.952, all others 1.000; the
    /// general fixes that followed (allowed 第一稿/永久买断 compounds, "what we film", no bare
    /// "services" heading synonym, LINE IDs, a channel joined to its number) bring it to 1.000.
    /// It is no longer blind, so the floor here is the issue's bar.
    func testHoldoutCorpus() throws {
        try evaluate("Tests/HoldoutCorpus", precision: HoldoutFloor.precision, recall: HoldoutFloor.recall, minimumPositives: 10)
    }

    /// Adversarial listings written by a third team member to break the rules (evasions, hard
    /// negatives, edges of the ERP floor). Its first run gave absolute-terms 0.857/0.889
    /// (100% zoom, present perfect, unique selling proposition, 第一堂; missed Exce11ent, 第１,
    /// world‑class with U+2011), external-links precision 0.900 (logo.ai files), missing-modules
    /// 0.923 ("Lecturer"), the other rules 1.000. After general fixes (leet and 第1 variants, dashes
    /// folded, .ai as a file extension, more allowed compounds and headings) all 1.000.
    func testRedTeamSet() throws {
        try evaluate("Tests/RedTeam", precision: RedTeamFloor.precision, recall: RedTeamFloor.recall, minimumPositives: 5, minimumListings: 50)
    }

    /// Second red-team set (text rules only). First run: absolute-terms precision 0.921 (Excel's
    /// UNIQUE, "unique filenames", 首选回复语言), the other four rules 1.000.
    func testRedTeamTextSet() throws {
        try evaluate("Tests/RedTeam2", precision: 0.97, recall: 0.95, minimumPositives: 5, minimumListings: 50,
                     rules: ["absolute-terms", "brand-names", "external-links", "off-platform-chat", "keyword-stacking"])
    }

    /// Third red-team set (missing-modules and erp-price-floor only). First run: missing-modules
    /// 0.947/0.900 ("Featured stores" read as Features, "Place your order" as the place module,
    /// 出片周期 unknown), erp-price-floor 1.000.
    func testRedTeamStructureSet() throws {
        try evaluate("Tests/RedTeam3", precision: 0.97, recall: 0.95, minimumPositives: 5, minimumListings: 50, rules: ["missing-modules", "erp-price-floor"])
    }

    /// Fourth red-team set (English SaaS-style copy): 1.000 for every rule on its first run.
    func testRedTeamEnglishSet() throws {
        try evaluate("Tests/RedTeam4", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 50)
    }

    /// Fifth red-team set (Traditional Chinese, Taiwan and Hong Kong style). First run:
    /// absolute-terms precision 0.957 (第一筆訂單), off-platform-chat recall 0.750 (a labelled HK
    /// number, LINE 官方帳號 @id, 加賴), erp-price-floor recall 0.778 (NT$ prices, an HKD plan that the
    /// old default rates passed instead of reporting unverifiable), the other rules 1.000.
    func testRedTeamTraditionalChineseSet() throws {
        try evaluate("Tests/RedTeam5", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 50)
    }

    /// Sixth red-team set (mainland sellers' filter dodges). First run: absolute-terms 0.862/0.962
    /// (绝对引用, 100%堆积, 永久回放, 第一屏; missed zui好), brand-names recall 0.882 (TB店铺, T猫),
    /// external-links recall 0.833 (百度网盘, 小红书 named without a URL), off-platform-chat recall
    /// 0.800 (球球, 🐧群, ＋V, a number in Chinese numerals), keyword-stacking 1.000.
    func testRedTeamMainlandEvasionSet() throws {
        try evaluate("Tests/RedTeam6", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 50,
                     rules: ["absolute-terms", "brand-names", "external-links", "off-platform-chat", "keyword-stacking"])
    }

    /// 100 compliant listings written to tempt a word list (每天猫粮, 逐一淘汰, 增加微距, "Zoom to 100%",
    /// 电脑最低配置, icon@2x.png …): every finding is a false alarm. First run: 3 false alarms in 100
    /// listings (天猫 inside 每天猫粮 twice, "Zoom to 100%").
    func testCompliantListingsRaiseNoAlarm() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/CleanSet/listings")
        let report = LintRunner(engine: TestSupport.engine, jobs: 2).run(InputCollector.collect([folder.path]).files)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.listings, 100)
        XCTAssertEqual(report.findings.map { "\(($0.file as NSString).lastPathComponent):\($0.start.line) \($0.rule) \($0.match)" }, [])
    }

    /// Seventh red-team set (bilingual listings in rich Markdown: tables, images, reference links,
    /// inline HTML). First run: absolute-terms recall 0.818 (b*es*t, 最<b>好</b>), off-platform-chat
    /// recall 0.909 (We**Chat**), the other rules 1.000.
    func testRedTeamMarkdownSet() throws {
        try evaluate("Tests/RedTeam7", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 40,
                     rules: ["absolute-terms", "brand-names", "external-links", "off-platform-chat", "keyword-stacking", "missing-modules"])
    }

    /// Eighth red-team set (operation, training, design and video listings with authorizations in
    /// the other language). First run: absolute-terms precision 0.939 (唯一要求, 第一支影片), the
    /// other rules 1.000.
    func testRedTeamServicesSet() throws {
        try evaluate("Tests/RedTeam8", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 50,
                     rules: ["absolute-terms", "brand-names", "external-links", "off-platform-chat", "keyword-stacking", "missing-modules"])
    }

    /// Ninth red-team set (absolute-terms only, built around ordinary uses of the words). First
    /// run: precision 0.767 (20 false hits: Homework #1, Building No.1, "The only prerequisite",
    /// unique review IDs, 100% crops, a grade "Excellent", 第一班, 第一人称, 唯一对接人, 首选币种 …),
    /// recall 0.985 (one-of-a-kind).
    func testRedTeamAbsoluteTermsSet() throws {
        try evaluate("Tests/RedTeam9", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 40, rules: ["absolute-terms"])
    }

    /// Tenth red-team set (off-platform-chat and external-links only). First run: off-platform-chat
    /// 0.906/0.906 (树立专业威信 and 扣扣子 read as contacts; missed payment outside the platform and
    /// a number after 來電), external-links 1.000.
    func testRedTeamContactsAndLinksSet() throws {
        try evaluate("Tests/RedTeam10", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 40, rules: ["off-platform-chat", "external-links"])
    }

    /// Eleventh red-team set (absolute-terms only, a second author on ordinary uses). First run:
    /// precision **0.603** (29 false hits: 100% cotton, best-before, best to worst, perfect-bound,
    /// unique buyers, 每位学员有唯一的登录账号, 唯一订单号, 第一视角 …), recall 0.978 (N o . 1). The fix
    /// that generalizes: uniqueness words next to each/every/per/每 in the same clause describe items.
    func testRedTeamAbsoluteTermsSecondSet() throws {
        try evaluate("Tests/RedTeam11", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 40, rules: ["absolute-terms"])
    }

    /// Twelfth red-team set (brand-names only). First run: precision 1.000, recall 0.962 (the slang
    /// 手淘 and 淘系 for Taobao).
    func testRedTeamBrandSet() throws {
        try evaluate("Tests/RedTeam12", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 40, rules: ["brand-names"])
    }

    /// Thirteenth set, written last as a blind check of absolute-terms after all the fixes above.
    /// First run: precision 0.853, recall 0.853 (Store #1, 表现最好的商品, 比较级与最高级, 放在第一位;
    /// missed "guaranteed results", "most creative", 保證銷量翻倍, unique designs for every client).
    /// This is the best estimate of the rule on listings nobody here has seen.
    func testRedTeamBlindAbsoluteTermsSet() throws {
        try evaluate("Tests/RedTeam13", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 30, rules: ["absolute-terms"])
    }

    /// Fourteenth set, the last blind check (everyday style, absolute-terms and off-platform-chat),
    /// written after every fix above. First run: absolute-terms 0.950/0.950 ("The only equipment
    /// you need is a phone"; missed "Guaranteed more sales"), off-platform-chat 1.000/0.917 (missed
    /// "pay me directly").
    func testRedTeamEverydaySet() throws {
        try evaluate("Tests/RedTeam14", precision: 0.97, recall: 0.95, minimumPositives: 3, minimumListings: 30, rules: ["absolute-terms", "off-platform-chat"])
    }

    enum RedTeamFloor {
        static let precision = 0.97
        static let recall = 0.95
    }

    enum HoldoutFloor {
        static let precision = 0.97
        static let recall = 0.95
    }

    func evaluate(_ folder: String, precision minimumPrecision: Double, recall minimumRecall: Double, minimumPositives: Int = 20, minimumListings: Int = 100, rules scored: Set<String>? = nil) throws {
        let corpus = TestSupport.repositoryRoot.appendingPathComponent(folder)
        let yaml = try String(contentsOf: corpus.appendingPathComponent("expected.yml"), encoding: .utf8)
        let expectations = try YAMLDecoder().decode([Expected].self, from: yaml)
        XCTAssertGreaterThanOrEqual(expectations.count, minimumListings)

        let inputs = InputCollector.collect([corpus.appendingPathComponent("listings").path]).files
        let runner = LintRunner(engine: TestSupport.engine, jobs: 2)
        let report = runner.run(inputs)
        XCTAssertEqual(report.errors, [], "the corpus must read cleanly")
        XCTAssertEqual(report.listings, expectations.count)

        var tallies: [String: Tally] = [:]
        for rule in RuleRegistry.all { tallies[rule.description.id] = Tally() }
        var misses: [String] = []
        let findingsByListing = Dictionary(grouping: report.findings) { "\(($0.file as NSString).lastPathComponent)|\($0.listing)" }
        for expected in expectations {
            let path = corpus.appendingPathComponent(expected.file).path
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            var findings = findingsByListing["\((expected.file as NSString).lastPathComponent)|\(expected.listing)"] ?? []
            // For a catalogue, occurrences count within the listing's own line.
            var lineBytes = bytes
            var lineOffset = 0
            var firstLine = 1
            if expected.file.hasSuffix(".jsonl") {
                var start = 0
                var number = 1
                for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    if let text = String(bytes: line, encoding: .utf8), text.contains("\"id\": \"\(expected.listing)\"") || text.contains("\"id\":\"\(expected.listing)\"") {
                        lineBytes = Array(line); lineOffset = start; firstLine = number
                        break
                    }
                    start += line.count + 1
                    number += 1
                }
            }
            let lines = LineIndex(bytes: bytes)
            _ = firstLine
            for item in expected.findings {
                var matchedIndex: Int?
                if let module = item.module {
                    matchedIndex = findings.firstIndex { $0.rule == item.rule && $0.subject == module }
                } else if let text = item.text, let local = CorpusTests.occurrence(Array(text.utf8), in: lineBytes, item.occurrence ?? 1) {
                    let start = lines.position(of: local.lowerBound + lineOffset)
                    let end = lines.position(of: local.upperBound + lineOffset)
                    matchedIndex = findings.firstIndex { $0.rule == item.rule && $0.start < end && start < $0.end || ($0.rule == item.rule && $0.start == start) }
                } else {
                    XCTFail("\(expected.file): expected text \(item.text ?? "?") not found in the file")
                }
                if let index = matchedIndex {
                    tallies[item.rule, default: Tally()].truePositives += 1
                    findings.remove(at: index)
                } else {
                    tallies[item.rule, default: Tally()].falseNegatives += 1
                    misses.append("missed \(item.rule) \(item.text ?? item.module ?? "") in \(expected.file)")
                }
            }
            for finding in findings {
                tallies[finding.rule, default: Tally()].falsePositives += 1
                misses.append("false \(finding.rule) \"\(finding.match)\" \(finding.subject ?? "") at \(expected.file):\(finding.start.line):\(finding.start.column)")
            }
        }
        var table = "rule                 TP  FP  FN  precision  recall\n"
        for rule in RuleRegistry.all.map({ $0.description.id }) where scored?.contains(rule) ?? true {
            let tally = tallies[rule] ?? Tally()
            let precision = Double(tally.truePositives) / Double(max(1, tally.truePositives + tally.falsePositives))
            let recall = Double(tally.truePositives) / Double(max(1, tally.truePositives + tally.falseNegatives))
            table += rule.padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(format: " %3d %3d %3d      %.3f   %.3f\n", tally.truePositives, tally.falsePositives, tally.falseNegatives, precision, recall)
            XCTAssertGreaterThanOrEqual(precision, minimumPrecision, "\(folder): \(rule) precision")
            XCTAssertGreaterThanOrEqual(recall, minimumRecall, "\(folder): \(rule) recall")
            XCTAssertGreaterThan(tally.truePositives, minimumPositives, "\(folder): \(rule) needs real positives in the corpus")
        }
        print("\(folder):\n" + table)
        if !misses.isEmpty { print(misses.sorted().joined(separator: "\n")) }
    }
}
