import XCTest
@testable import ListingLintCore

final class ReaderTests: XCTestCase {
    let markdown = """
    ---
    id: r-1
    title: "云ERP 最好"
    category: software
    provider: 杭州示例
    erp: true
    authorized_brands: [Taobao, 天猫]
    plans:
      - {name: 月付, price: 19.5, currency: usd, period: month}
      - name: 年付
        price: 300
        period: year
    ---
    ## 功能介绍
    我们是最好的
    ## 使用流程
    授权
    """

    func testMarkdownReadsEveryKey() throws {
        let result = ListingReader.read(bytes: Array(markdown.utf8), file: "a.md", format: .markdown)
        XCTAssertEqual(result.errors, [])
        let listing = try XCTUnwrap(result.listings.first)
        XCTAssertEqual(listing.id, "r-1")
        XCTAssertEqual(listing.title.text, "云ERP 最好")
        XCTAssertEqual(listing.category, .software)
        XCTAssertEqual(listing.provider, "杭州示例")
        XCTAssertEqual(listing.erp, true)
        XCTAssertEqual(listing.authorizedBrands, ["Taobao", "天猫"])
        XCTAssertEqual(listing.plans.count, 2)
        XCTAssertEqual(listing.plans[0].price, 19.5)
        XCTAssertEqual(listing.plans[0].currency, "USD")
        XCTAssertEqual(listing.plans[0].period, .month)
        XCTAssertEqual(listing.plans[1].currency, "CNY", "currency defaults to CNY")
        XCTAssertEqual(listing.plans[1].period, .year)
        XCTAssertEqual(listing.modules.map(\.heading), ["功能介绍", "使用流程"])
    }

    func testPlanPeriodsAsProvidersWriteThem() throws {
        let written = ["monthly": PlanPeriod.month, "Annual": .year, "季度": .quarter, "每周": .week, "一次性": .once, "daily": .day, "year": .year]
        for (text, period) in written { XCTAssertEqual(PlanPeriod(written: text), period, text) }
        XCTAssertNil(PlanPeriod(written: "fortnightly"))
        let listing = "---\nid: p\ntitle: t\ncategory: software\nplans: [{name: A, price: 9, period: monthly}]\n---\n"
        let result = ListingReader.read(bytes: Array(listing.utf8), file: "p.md", format: .markdown)
        XCTAssertEqual(result.listings.first?.plans.first?.period, .month)
        let bad = listing.replacingOccurrences(of: "monthly", with: "fortnightly")
        XCTAssertEqual(ListingReader.read(bytes: Array(bad.utf8), file: "p.md", format: .markdown).errors.map(\.line), [5])
    }

    func testPositionsInMarkdownTitleAndBody() throws {
        let engine = try TestSupport.engine(for: AbsoluteTermsRule.self)
        let findings = TestSupport.lint(markdown, engine: engine).findings
        XCTAssertEqual(findings.map { [$0.start.line, $0.start.column, $0.end.line, $0.end.column] }, [[3, 14, 3, 16], [15, 4, 15, 6]])
        XCTAssertEqual(findings.map(\.field), ["title", "description"])
        XCTAssertEqual(findings.map(\.match), ["最好", "最好"])
    }

    func testPlanPricePositionInMarkdown() throws {
        let engine = try TestSupport.engine(for: ERPPriceFloorRule.self)
        let findings = TestSupport.lint(markdown, engine: engine).findings
        // 19.5 USD × 7.2 = 140.4/month passes; 300/year = 25/month fails, at line 11 "    price: 300".
        XCTAssertEqual(findings.map(\.match), ["300"])
        XCTAssertEqual(findings.first?.start, SourcePosition(line: 11, column: 12))
        XCTAssertEqual(findings.first?.field, "plans[1].price")
    }

    func testJSONPositionsSurviveEscapes() throws {
        let json = "{\"id\": \"j-1\", \"title\": \"t\", \"category\": \"software\",\n \"description\": \"## \\u529f\\u80fd\\u4ecb\\u7ecd\\n\\\"quoted\\\" 最好\"}"
        let engine = try TestSupport.engine(for: AbsoluteTermsRule.self)
        let (findings, errors) = TestSupport.lint(json, file: "a.json", format: .json, engine: engine)
        XCTAssertEqual(errors, [])
        let finding = try XCTUnwrap(findings.first)
        XCTAssertEqual(finding.match, "最好")
        // Line 2: ` "description": "## \u529f...\n\"quoted\" 最好"`: the column of 最 in the raw line.
        let rawLine = json.split(separator: "\n")[1]
        let column = rawLine.distance(from: rawLine.startIndex, to: rawLine.range(of: "最好")!.lowerBound) + 1
        XCTAssertEqual(finding.start, SourcePosition(line: 2, column: column))
    }

    func testCatalogueLinePositionsAndBrokenLinesAreIsolated() throws {
        let catalogue = """
        {"id": "c-1", "title": "t", "category": "software", "description": "最好"}
        {"id": "c-2", "title": broken
        {"id": "c-3", "title": "第一名 最佳", "category": "software", "description": "ok"}
        """
        let engine = try TestSupport.engine(for: AbsoluteTermsRule.self)
        let (findings, errors) = TestSupport.lint(catalogue, file: "c.jsonl", format: .jsonLines, engine: engine)
        XCTAssertEqual(errors.map(\.line), [2])
        XCTAssertEqual(findings.map(\.listing), ["c-1", "c-3", "c-3"])
        XCTAssertEqual(findings.map { [$0.start.line, $0.start.column] }, [[1, 69], [3, 25], [3, 29]])
    }

    func testEveryBadInputBecomesANamedError() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Fixtures/bad")
        let runner = LintRunner(engine: TestSupport.engine, jobs: 1)
        let report = runner.run(InputCollector.collect([folder.path]).files)
        let byFile = Dictionary(grouping: report.errors) { ($0.file as NSString).lastPathComponent }
        let expectations: [String: String] = [
            "alias-bomb.md": "alias bomb",
            "binary.md": "binary",
            "catalogue-with-broken-line.jsonl": "invalid JSON",
            "empty.md": "empty",
            "invalid-utf8.md": "invalid UTF-8",
            "malformed-yaml.md": "not valid YAML",
            "missing-id.md": "missing required key 'id'",
            "no-front-matter.md": "missing front matter",
            "unknown-category.md": "unknown category 'cooking'",
        ]
        for (file, text) in expectations {
            let messages = byFile[file]?.map(\.message) ?? []
            XCTAssertTrue(messages.contains { $0.contains(text) }, "\(file): \(messages)")
        }
        XCTAssertEqual(byFile["catalogue-with-broken-line.jsonl"]?.first?.line, 2)
        // The good records around the broken line are still linted.
        XCTAssertEqual(report.listings, 2)
    }
}

final class NormalizationTests: XCTestCase {
    let normalizer = TestSupport.resources.normalizer

    func check(_ source: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(normalizer.normalize(source).string, expected, file: file, line: line)
    }

    func testEachEvasionFolds() {
        check("ＮＯ．１", "no.1")
        check("BeSt", "best")
        check("最 好", "最好")
        check("最\u{200B}好", "最好")
        check("Q Q", "qq")
        check("微-信", "微信")
        check("b e s t", "best")
        check("頂級 淘寶 支付寶", "顶级淘宝支付宝")
        check("Аliexpress", "aliexpress")
        check("Alíexpress", "aliexpress")
        check("𝐛𝐞𝐬𝐭", "best")
        check("V 信", "v信")
    }

    func testOrdinaryTextIsLeftAlone() {
        check("best practices", "best practices")
        check("v2.3.1 and 29.9元", "v2.3.1 and 29.9元")
        check("2024-01-15", "2024-01-15")
        check("I am", "i am")
    }

    func testOffsetsMapBackToTheSource() {
        let source = "前缀 ＮＯ．１ 和 最 好"
        let text = normalizer.normalize(source)
        let normalized = text.string
        let target = normalized.range(of: "no.1")!
        let lower = normalized.utf8.distance(from: normalized.utf8.startIndex, to: target.lowerBound)
        let range = text.sourceRange(of: lower..<(lower + 4))
        let bytes = Array(source.utf8)
        XCTAssertEqual(String(decoding: bytes[range], as: UTF8.self), "ＮＯ．１")
        let best = normalized.range(of: "最好")!
        let bestLower = normalized.utf8.distance(from: normalized.utf8.startIndex, to: best.lowerBound)
        let bestRange = text.sourceRange(of: bestLower..<(bestLower + 6))
        XCTAssertEqual(String(decoding: bytes[bestRange], as: UTF8.self), "最 好")
    }
}

final class CatalogueTests: XCTestCase {
    func testEveryRowOfTheSeedTableIsPresentWithItsPoints() throws {
        let catalogue = TestSupport.resources.catalogue
        XCTAssertEqual(catalogue.rows.count, 76)
        XCTAssertEqual(catalogue.rows.first?.id, "A5-01")
        XCTAssertEqual(catalogue.rows.last?.id, "A5-76")
        // Read the seed's table itself and compare each row's points and processing.
        let seedURL = TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/rules/aliexpress-service-market-rules.txt")
        guard FileManager.default.fileExists(atPath: seedURL.path) else {
            throw XCTSkip("the seed rules \(seedURL.path) are missing: they live in ../shared/rules beside the checkout")
        }
        let seed = try String(contentsOf: seedURL, encoding: .utf8)
        let lines = seed.components(separatedBy: "\n")
        guard let header = lines.firstIndex(where: { $0.hasPrefix("Type of violation | Illegal content") }) else {
            throw XCTSkip("the seed rules are missing beside the checkout")
        }
        let rows = lines[(header + 1)...].prefix { $0.contains(" | ") }
        XCTAssertEqual(rows.count, catalogue.rows.count)
        for (line, row) in zip(rows, catalogue.rows) {
            let cells = line.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "|" && $0 != "||" }
            let tail = Array(cells.suffix(3))
            XCTAssertEqual(tail[0].replacingOccurrences(of: "|", with: ""), row.pointsText, row.id)
            XCTAssertEqual(tail[1], row.processing, row.id)
            XCTAssertEqual(tail[2].replacingOccurrences(of: " |", with: "").replacingOccurrences(of: "|", with: ""), row.period, row.id)
            XCTAssertTrue(line.contains(row.content), row.id)
            switch row.pointsText {
            case "five point five": XCTAssertEqual(row.points, 5.5)
            case "—": XCTAssertNil(row.points)
            default: XCTAssertEqual(row.points, Double(row.pointsText), row.id)
            }
        }
    }
}
