import Foundation
import XCTest
import Yams
@testable import ListingLintCore

/// Public suites nobody on the team wrote, read in place from ../shared/conformance.
final class ConformanceTests: XCTestCase {
    /// Links found in `text` by the external-links rule (platform links excluded), as ranges of
    /// the original text.
    func externalLinks(in text: String) throws -> [Finding] {
        let engine = try TestSupport.engine(for: ExternalLinksRule.self)
        let listing = "---\nid: c\ntitle: t\ncategory: software\n---\n" + text + "\n"
        return TestSupport.lint(listing, engine: engine).findings
    }

    /// linkify-it fixtures: `%` comments; a line followed by a non-empty line has that line as
    /// its expected link, a line followed by an empty line is itself the link.
    func testLinkifyLinksAreAllFlagged() throws {
        let folder = try TestSupport.requireConformance("linkify-it")
        let text = try String(contentsOf: folder.appendingPathComponent("links.txt"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n").map { line -> String in
            if line.hasPrefix("%") { return "" }
            if let comment = line.range(of: " %") { return String(line[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces) }
            return line.trimmingCharacters(in: .whitespaces)
        }
        var cases: [(text: String, link: String)] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty { index += 1; continue }
            if index + 1 < lines.count, !lines[index + 1].isEmpty {
                cases.append((line, lines[index + 1]))
                index += 2
            } else {
                cases.append((line, line))
                index += 1
            }
        }
        XCTAssertGreaterThan(cases.count, 60)
        var missed: [String] = []
        for item in cases {
            let findings = try externalLinks(in: item.text)
            // The finding must cover the expected link's site, not only something nearby.
            let covered = findings.contains { finding in
                let host = item.link.lowercased().replacingOccurrences(of: "http://", with: "").replacingOccurrences(of: "https://", with: "").prefix(6)
                return finding.match.lowercased().contains(host) || item.link.lowercased().contains(finding.match.lowercased())
            }
            if !covered { missed.append("\(item.text) → \(item.link) [found: \(findings.map(\.match))]") }
        }
        XCTAssertEqual(missed, [], "links.txt cases not flagged")
        print("linkify-it links.txt: \(cases.count - missed.count)/\(cases.count) flagged")
    }

    func testLinkifyNotLinksThatNameNoSiteStayClean() throws {
        let folder = try TestSupport.requireConformance("linkify-it")
        let text = try String(contentsOf: folder.appendingPathComponent("not_links.txt"), encoding: .utf8)
        let cases = text.components(separatedBy: "\n").compactMap { line -> String? in
            if line.hasPrefix("%") { return nil }
            let body = (line.range(of: " %").map { String(line[..<$0.lowerBound]) } ?? line).trimmingCharacters(in: .whitespaces)
            return body.isEmpty ? nil : body
        }
        // A mangled link that still names a site is flagged on purpose: the linter reads intent.
        let namesASite: Set<String> = [
            "http://.example.com", "http://-example.com", "hppt://example.com", "///test.com", "_http://example.com",
            "_//example.com", "_example.com", "http://example.com_", "@example.com", "google.com:500000 // invalid port",
        ]
        var wronglyFlagged: [String] = []
        var flaggedSites = 0
        for item in cases {
            let findings = try externalLinks(in: item)
            if namesASite.contains(item) {
                if !findings.isEmpty { flaggedSites += 1 }
            } else if !findings.isEmpty {
                wronglyFlagged.append("\(item) [\(findings.map(\.match))]")
            }
        }
        XCTAssertEqual(wronglyFlagged, [], "texts that name no site must not be flagged")
        XCTAssertTrue(try !externalLinks(in: "hppt://example.com").isEmpty)
        XCTAssertTrue(try !externalLinks(in: "http://-example.com").isEmpty)
        print("linkify-it not_links.txt: \(cases.count - namesASite.count) clean texts stay clean; \(flaggedSites)/\(namesASite.count) mangled links to a site flagged")
    }

    struct TwitterSuite: Decodable {
        struct Case: Decodable { let description: String; let text: String; let expected: [Expected] }
        enum Expected: Decodable {
            case url(String)
            case indexed(url: String)
            init(from decoder: Decoder) throws {
                if let text = try? decoder.singleValueContainer().decode(String.self) { self = .url(text); return }
                struct Indexed: Decodable { let url: String }
                self = .indexed(url: try Indexed(from: decoder).url)
            }
            var url: String { switch self { case .url(let u), .indexed(let u): return u } }
        }
        struct Tests: Decodable {
            let urls: [Case]
            let urls_with_indices: [Case]
            let urls_with_directional_markers: [Case]
        }
        let tests: Tests
    }

    func testTwitterTextURLCasesAreFlagged() throws {
        let folder = try TestSupport.requireConformance("twitter-text")
        let yaml = try String(contentsOf: folder.appendingPathComponent("extract.yml"), encoding: .utf8)
        let suite = try YAMLDecoder().decode(TwitterSuite.self, from: yaml)
        let cases = suite.tests.urls + suite.tests.urls_with_indices + suite.tests.urls_with_directional_markers
        var expectedLinks = 0
        var missed: [String] = []
        for item in cases where !item.expected.isEmpty {
            let findings = try externalLinks(in: item.text)
            for expected in item.expected {
                expectedLinks += 1
                let wanted = expected.url.lowercased()
                let host = String(wanted.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "").prefix { $0 != "/" })
                let found = findings.contains { finding in
                    let match = finding.match.lowercased()
                    return match.contains(host) || wanted.contains(match)
                }
                if !found { missed.append("\(item.description): \(expected.url) [found: \(findings.map(\.match))]") }
            }
        }
        XCTAssertEqual(missed, [], "twitter-text URL cases not flagged")
        print("twitter-text extract.yml: \(expectedLinks - missed.count)/\(expectedLinks) expected URLs flagged")
    }

    func testBrandVariantsAreFoundAndOrdinaryWordsAreNot() throws {
        let folder = try TestSupport.requireConformance("brand-variants")
        let engine = try TestSupport.engine(for: BrandNamesRule.self)
        let lines = try String(contentsOf: folder.appendingPathComponent("variants.jsonl"), encoding: .utf8).split(separator: "\n")
        struct Variant: Decodable { let brand: String; let fuzzer: String; let variant: String }
        var found = 0
        var missed: [String: [String]] = [:]
        for line in lines {
            let variant = try JSONDecoder().decode(Variant.self, from: Data(line.utf8))
            let listing = "---\nid: v\ntitle: t\ncategory: software\n---\nWe sell on \(variant.variant) every day.\n"
            if TestSupport.lint(listing, engine: engine).findings.isEmpty {
                missed[variant.fuzzer, default: []].append(variant.variant)
            } else {
                found += 1
            }
        }
        let share = Double(found) / Double(lines.count)
        print(String(format: "brand variants: %d/%d found (%.1f%%); missed by fuzzer: %@", found, lines.count, share * 100, missed.mapValues(\.count).description))
        XCTAssertEqual(lines.count, 670)
        XCTAssertGreaterThanOrEqual(share, 0.95)
        for word in ["Bali", "Alice", "Italian", "Malibu", "mall", "tall", "total", "Australia", "Natalie", "small", "alibi", "alias", "Taboo", "Alpaca"] {
            let listing = "---\nid: w\ntitle: t\ncategory: software\n---\nA note about \(word) here.\n"
            XCTAssertEqual(TestSupport.lint(listing, engine: engine).findings.map(\.match), [], word)
        }
    }

    /// The price parser on price-parser's 1,176 real price strings. The accuracy is pinned so a
    /// change that makes it worse fails here.
    func testPriceParserAccuracyOnPublicSuite() throws {
        let folder = try TestSupport.requireConformance("price-parser")
        let lines = try String(contentsOf: folder.appendingPathComponent("examples.jsonl"), encoding: .utf8).split(separator: "\n")
        struct Example: Decodable { let price_raw: String?; let amount: String?; let set: String }
        var correct = 0
        for line in lines {
            let example = try JSONDecoder().decode(Example.self, from: Data(line.utf8))
            let parsed = example.price_raw.flatMap { PriceParser.parseAmount($0)?.amount }
            switch (example.amount.flatMap(Double.init), parsed) {
            case (nil, nil): correct += 1
            case (let expected?, let got?) where abs(expected - got) < 1e-6 * max(1, abs(expected)): correct += 1
            default: break
            }
        }
        let accuracy = Double(correct) / Double(lines.count)
        print(String(format: "price-parser examples: %d/%d amounts right (%.1f%%)", correct, lines.count, accuracy * 100))
        XCTAssertEqual(lines.count, 1176)
        XCTAssertGreaterThanOrEqual(correct, ConformanceTests.pinnedPriceAccuracy)
    }

    static let pinnedPriceAccuracy = 1129
}
