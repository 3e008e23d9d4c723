import Foundation
import XCTest
import Yams
@testable import ListingLintCore

/// A fresh directory per test, removed afterwards.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("listing-lint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = Configuration.absolute(base)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func url(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = url(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

final class ConfigurationTests: XCTestCase {
    var directory: TemporaryDirectory!

    override func setUpWithError() throws { directory = try TemporaryDirectory() }
    override func tearDown() { directory = nil }

    // MARK: - Discovery

    func testNearestConfigurationWinsWalkingUp() throws {
        try directory.write(".listing-lint.yml", "rules:\n  keyword-stacking: false\n")
        let nested = try directory.write("shop/.listing-lint.yml", "rules:\n  brand-names: {enabled: false}\n")
        let deep = try directory.write("shop/a/b/c/listing.md", "x")
        let top = try directory.write("other/listing.md", "x")

        let deepConfig = try XCTUnwrap(try Configuration.discover(for: deep))
        XCTAssertEqual(deepConfig.sourceFiles, [nested], "the nearest file wins, without merging the one above")
        XCTAssertEqual(deepConfig.disabledRules, ["brand-names"])
        XCTAssertEqual(deepConfig.directory, directory.url("shop"))

        let topConfig = try XCTUnwrap(try Configuration.discover(for: top))
        XCTAssertEqual(topConfig.sourceFiles, [directory.url(".listing-lint.yml")])
        XCTAssertEqual(topConfig.disabledRules, ["keyword-stacking"])

        // A file in the configuration's own directory, and a relative path with `..`.
        let same = try directory.write("shop/listing.md", "x")
        XCTAssertEqual(try Configuration.discover(for: same)?.sourceFiles, [nested])
        XCTAssertEqual(try Configuration.discover(for: directory.url("shop/a/../listing.md"))?.sourceFiles, [nested])
    }

    func testNoConfigurationGivesNilAndDefaults() throws {
        let file = try directory.write("plain/listing.md", "x")
        let resolver = ConfigurationResolver()
        // Only meaningful when nothing above the temporary directory has a configuration.
        guard resolver.configurationPath(for: directory.path + "/x") == nil else {
            throw XCTSkip("a .listing-lint.yml above \(directory.path) governs the temporary directory")
        }
        XCTAssertNil(try Configuration.discover(for: file))
        let effective = try resolver.effective(for: file)
        XCTAssertEqual(effective.disabledRules, [])
        XCTAssertEqual(effective.settings, RuleSettings())
        XCTAssertTrue(try resolver.isIncluded(file))
    }

    func testResolverCachesAndHonoursExplicitConfig() throws {
        let config = try directory.write("a/.listing-lint.yml", "rules:\n  external-links: false\n")
        let explicit = try directory.write("elsewhere/custom.yml", "rules:\n  missing-modules: false\n")
        let resolver = ConfigurationResolver()
        let first = try directory.write("a/b/one.md", "x")
        let second = try directory.write("a/b/two.md", "x")
        XCTAssertEqual(resolver.configurationPath(for: first), config)
        XCTAssertEqual(resolver.configurationPath(for: second), config)
        XCTAssertEqual(try resolver.configuration(for: first), try resolver.configuration(for: second))

        let withExplicit = ConfigurationResolver(explicitPath: explicit)
        XCTAssertEqual(try withExplicit.effective(for: first).disabledRules, ["missing-modules"], "--config replaces discovery")

        // Errors are reported every time they are asked for, not only the first time.
        let broken = try directory.write("broken/.listing-lint.yml", "rules:\n  no-such-rule: false\n")
        let inBroken = try directory.write("broken/x.md", "x")
        for _ in 0..<2 {
            XCTAssertThrowsError(try resolver.configuration(for: inBroken)) { error in
                XCTAssertEqual((error as? ConfigurationError)?.file, broken)
            }
        }
    }

    // MARK: - Inheritance

    func testParentConfigMergesMapsAndReplacesLists() throws {
        let base = try directory.write("base.listing-lint.yml", """
            rules:
              absolute-terms: {extra_terms: [顶尖, 超一流], allowed_terms: [最好是]}
              off-platform-chat: {extra_terms: [飞书]}
              erp-price-floor: {monthly_floor: 40, exchange_rates: {USD: 7.0}}
              missing-modules: false
            authorized_brands:
              杭州示例科技: [Taobao]
            included: ["listings/**"]
            overrides:
              - paths: ["listings/legacy/**"]
                rules: {keyword-stacking: false}
            """)
        let child = try directory.write("listings/.listing-lint.yml", """
            parent_config: ../base.listing-lint.yml
            rules:
              absolute-terms: {allowed_terms: [最好吃]}
              erp-price-floor: {exchange_rates: {btc: 600000}}
              missing-modules: {enabled: true}
              brand-names: false
            authorized_brands:
              深圳样例: [天猫]
            """)
        let configuration = try Configuration.load(path: child)
        XCTAssertEqual(configuration.sourceFiles, [Configuration.absolute(base), child], "merge order: the parent first")
        let settings = configuration.settings
        XCTAssertEqual(settings.extraTerms["absolute-terms"], ["顶尖", "超一流"], "inherited from the parent")
        XCTAssertEqual(settings.allowedTerms["absolute-terms"], ["最好吃"], "a list replaces the parent's list")
        XCTAssertEqual(settings.extraTerms["off-platform-chat"], ["飞书"])
        XCTAssertEqual(settings.erpMonthlyFloor, 40)
        XCTAssertEqual(settings.exchangeRates["USD"], 7.0, "maps merge: the parent's rate stays")
        XCTAssertEqual(settings.exchangeRates["BTC"], 600000, "currency codes are upper-cased")
        XCTAssertEqual(settings.exchangeRates["EUR"], 7.8, "the default rates stay")
        XCTAssertEqual(settings.authorizedBrands, ["杭州示例科技": ["Taobao"], "深圳样例": ["天猫"]])
        XCTAssertEqual(configuration.disabledRules, ["brand-names"], "the child switches missing-modules back on")

        // The parent's globs stay relative to the parent's directory.
        XCTAssertTrue(configuration.isIncluded(directory.url("listings/a.md")))
        XCTAssertFalse(configuration.isIncluded(directory.url("elsewhere/a.md")))
        XCTAssertEqual(configuration.effective(for: directory.url("listings/legacy/old.md")).disabledRules, ["brand-names", "keyword-stacking"])
        XCTAssertEqual(configuration.effective(for: directory.url("listings/new.md")).disabledRules, ["brand-names"])
    }

    func testParentConfigChainOfThree() throws {
        try directory.write("root.yml", "rules:\n  keyword-stacking: {title_repeats: 4, run_length: 5}\n")
        try directory.write("team/team.yml", "parent_config: ../root.yml\nrules:\n  keyword-stacking: {run_length: 6}\n")
        let leaf = try directory.write("team/shop/.listing-lint.yml", "parent_config: ../team.yml\n")
        let configuration = try Configuration.load(path: leaf)
        XCTAssertEqual(configuration.sourceFiles.count, 3)
        XCTAssertEqual(configuration.settings.stackingTitleRepeats, 4)
        XCTAssertEqual(configuration.settings.stackingRunLength, 6)
    }

    func testParentConfigCycleIsAnError() throws {
        let a = try directory.write("a.yml", "parent_config: b.yml\n")
        try directory.write("b.yml", "rules:\n  brand-names: false\nparent_config: ./a.yml\n")
        XCTAssertThrowsError(try Configuration.load(path: a)) { error in
            let error = error as! ConfigurationError
            XCTAssertEqual(error.file, directory.url("b.yml"))
            XCTAssertEqual(error.line, 3)
            XCTAssertTrue(error.message.contains("cycle"), error.description)
            XCTAssertTrue(error.message.contains("a.yml → \(directory.url("b.yml")) → "), error.description)
        }
        let selfish = try directory.write("self.yml", "parent_config: self.yml\n")
        XCTAssertThrowsError(try Configuration.load(path: selfish)) { error in
            XCTAssertEqual("\(error)".hasPrefix("\(selfish):1: parent_config makes a cycle"), true, "\(error)")
        }
    }

    func testMissingParentIsAnError() throws {
        let child = try directory.write("child.yml", "\n\nparent_config: ../nowhere.yml\n")
        XCTAssertThrowsError(try Configuration.load(path: child)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(child):3: parent_config '../nowhere.yml' does not exist"), "\(error)")
        }
        XCTAssertThrowsError(try Configuration.load(path: directory.url("absent.yml"))) { error in
            XCTAssertEqual("\(error)", "\(directory.url("absent.yml")): no such configuration file")
        }
    }

    // MARK: - Errors

    /// Every kind of mistake names the file, the line and the key.
    func testErrorsNameFileLineAndKey() throws {
        let cases: [(yaml: String, line: Int?, contains: String)] = [
            ("rule:\n  brand-names: false\n", 1, "unknown key 'rule' at the top level (known: parent_config, rules, authorized_brands, included, excluded, overrides); did you mean 'rules'?"),
            ("rules:\n  brand-names: false\n  absolut-terms: false\n", 3, "unknown rule 'absolut-terms' under rules (known: absolute-terms,"),
            ("rules:\n  absolute-terms:\n    enabled: true\n    extra_term: [顶尖]\n", 4, "unknown key 'extra_term' under rules.absolute-terms (known: enabled, extra_terms, allowed_terms); did you mean 'extra_terms'?"),
            ("rules:\n  external-links: {extra_terms: [x]}\n", 2, "unknown key 'extra_terms' under rules.external-links (known: enabled)"),
            ("rules:\n  keyword-stacking: 3\n", 2, "rules.keyword-stacking must be true, false or a mapping of options"),
            ("rules:\n  keyword-stacking: \"false\"\n", 2, "rules.keyword-stacking must be true, false or a mapping"),
            ("rules:\n  absolute-terms: {enabled: 'no'}\n", 2, "rules.absolute-terms.enabled must be true or false, not text 'no'"),
            ("rules:\n  absolute-terms: {extra_terms: 顶尖}\n", 2, "rules.absolute-terms.extra_terms must be a list of text"),
            ("rules:\n  off-platform-chat:\n    allowed_terms:\n      - ok\n      - [nested]\n", 5, "rules.off-platform-chat.allowed_terms[1] must be text, not a list"),
            ("rules:\n  absolute-terms: {allowed_terms: [\"\"]}\n", 2, "rules.absolute-terms.allowed_terms[0] is empty"),
            ("\n\n\n\n\n\nrules:\n  erp-price-floor: {monthly_floor: thirty}\n", 8, "rules.erp-price-floor.monthly_floor must be a number"),
            ("rules:\n  erp-price-floor: {monthly_floor: -1}\n", 2, "rules.erp-price-floor.monthly_floor must be a number ≥ 0"),
            ("rules:\n  erp-price-floor: {exchange_rates: [USD]}\n", 2, "rules.erp-price-floor.exchange_rates must be a mapping"),
            ("rules:\n  erp-price-floor:\n    exchange_rates:\n      USD: seven\n", 4, "rules.erp-price-floor.exchange_rates.USD must be a number, not text 'seven'"),
            ("rules:\n  erp-price-floor: {exchange_rates: {USD: 0}}\n", 2, "rules.erp-price-floor.exchange_rates.USD must be a number > 0"),
            ("rules:\n  erp-price-floor: {exchange_rates: {US$: 7}}\n", 2, "'US$' is not a currency code"),
            ("rules:\n  missing-modules: {extra_headings: [费用一览]}\n", 2, "rules.missing-modules.extra_headings must be a mapping"),
            ("rules:\n  missing-modules: {extra_headings: {price: 费用一览}}\n", 2, "rules.missing-modules.extra_headings.price must be a list of text"),
            ("rules:\n  missing-modules:\n    extra_headings:\n      prices: [费用一览]\n", 4, "unknown module 'prices' under rules.missing-modules.extra_headings (known: function,"),
            ("rules:\n  keyword-stacking: {title_repeats: 2.5}\n", 2, "rules.keyword-stacking.title_repeats must be a whole number, not the number 2.5"),
            ("rules:\n  keyword-stacking: {run_length: \"4\"}\n", 2, "rules.keyword-stacking.run_length must be a whole number, not text '4'"),
            ("rules:\n  keyword-stacking: {run_length: 1}\n", 2, "rules.keyword-stacking.run_length must be at least 2"),
            ("rules: [brand-names]\n", 1, "rules must be a mapping (key: value), not a list"),
            ("authorized_brands: [Taobao]\n", 1, "authorized_brands must be a mapping"),
            ("authorized_brands:\n  杭州示例: Taobao\n", 2, "authorized_brands.杭州示例 must be a list of text"),
            ("included: listings/**\n", 1, "included must be a list of path globs"),
            ("excluded:\n  - ok/**\n  - \"drafts/[a\"\n", 3, "excluded[1]: bad glob 'drafts/[a': '[' has no closing ']'"),
            ("included: [\"../up/**\"]\n", 1, "included[0]: bad glob '../up/**'"),
            ("overrides:\n  - rules: {brand-names: false}\n", 2, "overrides[0] needs paths"),
            ("overrides:\n  - paths: [\"a/**\"]\n", 2, "overrides[0] needs rules"),
            ("overrides:\n  - paths: [\"a/**\"]\n    rule: {brand-names: false}\n", 3, "unknown key 'rule' under overrides[0] (known: paths, rules)"),
            ("overrides:\n  - paths: [\"a/**\"]\n    rules: {brand-name: false}\n", 3, "unknown rule 'brand-name' under overrides[0].rules"),
            ("overrides:\n  - paths: [\"a/[**\"]\n    rules: {brand-names: false}\n", 2, "overrides[0].paths[0]: bad glob"),
            ("overrides: {paths: [a]}\n", 1, "overrides must be a list"),
            ("parent_config: [a.yml]\n", 1, "parent_config must be text, not a list"),
            ("rules:\n  brand-names: false\n  brand-names: true\n", nil, "appears twice"),
            ("rules:\n  brand-names: [false\n", nil, "not valid YAML"),
            ("- rules\n", 1, "the configuration must be a mapping"),
        ]
        for (index, testCase) in cases.enumerated() {
            let path = try directory.write("case\(index).yml", testCase.yaml)
            XCTAssertThrowsError(try Configuration.load(path: path), "case \(index) should fail: \(testCase.yaml)") { error in
                guard let error = error as? ConfigurationError else { return XCTFail("case \(index): \(error) is not a ConfigurationError") }
                XCTAssertEqual(error.file, path, "case \(index)")
                if let line = testCase.line {
                    XCTAssertEqual(error.line, line, "case \(index): \(error)")
                    XCTAssertTrue("\(error)".hasPrefix("\(path):\(line): "), "case \(index): \(error)")
                } else {
                    XCTAssertNotNil(error.line, "case \(index): \(error)")
                }
                XCTAssertTrue(error.message.contains(testCase.contains), "case \(index): \(error.message)\n  expected to contain: \(testCase.contains)")
            }
        }
    }

    func testTheDocumentedExampleLoads() throws {
        try directory.write("base.listing-lint.yml", "rules:\n  external-links: {enabled: true}\n")
        let path = try directory.write(".listing-lint.yml", """
            parent_config: base.listing-lint.yml
            rules:
              absolute-terms: {enabled: true, extra_terms: [顶尖], allowed_terms: [最好是]}
              off-platform-chat: {extra_terms: [飞书号], allowed_terms: [微信支付]}
              erp-price-floor: {monthly_floor: 30, exchange_rates: {USD: 7.1, BTC: 600000}}
              missing-modules: {extra_headings: {price: [费用一览]}}
              keyword-stacking: {title_repeats: 3, run_length: 4}
              external-links: {enabled: true}
              brand-names: {enabled: true}
            authorized_brands:
              杭州示例科技: [Taobao, 天猫]
            included: ["listings/**"]
            excluded: ["listings/drafts/**"]
            overrides:
              - paths: ["legacy/**/*.md"]
                rules: {keyword-stacking: false}
            """)
        let configuration = try Configuration.load(path: path)
        XCTAssertEqual(configuration.disabledRules, [])
        XCTAssertEqual(configuration.settings.extraHeadings, ["price": ["费用一览"]])
        XCTAssertEqual(configuration.settings.exchangeRates["USD"], 7.1)
        XCTAssertEqual(configuration.overrides.count, 1)
        XCTAssertEqual(configuration.overrides[0].line, 15)
        XCTAssertEqual(Set(Configuration.ruleOptions.keys).subtracting(Configuration.knownRuleIds), [], "options only for rules that exist")
    }

    func testEmptyFileIsTheDefaults() throws {
        let path = try directory.write("empty.yml", "# nothing yet\n")
        let configuration = try Configuration.load(path: path)
        XCTAssertEqual(configuration.settings, RuleSettings())
        XCTAssertEqual(configuration.disabledRules, [])
        XCTAssertEqual(configuration.sourceFiles, [path])
    }

    func testModuleKeysMatchTheLexicon() throws {
        let text = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Lexicons/module-headings.yml"), encoding: .utf8)
        let modules = try XCTUnwrap((try Yams.load(yaml: text) as? [String: Any])?["modules"] as? [String: Any])
        XCTAssertEqual(Set(modules.keys), Set(Configuration.moduleKeys))
    }

    // MARK: - Overrides, included, excluded

    func testOverridesApplyByGlobInOrder() throws {
        let path = try directory.write(".listing-lint.yml", """
            rules:
              keyword-stacking: {title_repeats: 5}
            overrides:
              - paths: ["legacy/**/*.md"]
                rules:
                  keyword-stacking: false
                  erp-price-floor: {monthly_floor: 10}
              - paths: ["legacy/vip/**", "special-*.json"]
                rules:
                  keyword-stacking: {enabled: true, title_repeats: 4}
                  absolute-terms: {extra_terms: [顶尖]}
            """)
        let configuration = try Configuration.load(path: path)
        let legacy = configuration.effective(for: directory.url("legacy/2023/a.md"))
        XCTAssertEqual(legacy.disabledRules, ["keyword-stacking"])
        XCTAssertEqual(legacy.settings.erpMonthlyFloor, 10)
        XCTAssertEqual(legacy.settings.stackingTitleRepeats, 5)

        let legacyJSON = configuration.effective(for: directory.url("legacy/2023/a.json"))
        XCTAssertEqual(legacyJSON.disabledRules, [], "*.md does not match .json")
        XCTAssertEqual(legacyJSON.settings.erpMonthlyFloor, 30)

        let vip = configuration.effective(for: directory.url("legacy/vip/b.md"))
        XCTAssertEqual(vip.disabledRules, [], "a later override wins")
        XCTAssertEqual(vip.settings.stackingTitleRepeats, 4)
        XCTAssertEqual(vip.settings.erpMonthlyFloor, 10, "both overrides apply")
        XCTAssertEqual(vip.settings.extraTerms["absolute-terms"], ["顶尖"])

        XCTAssertEqual(configuration.effective(for: directory.url("special-1.json")).settings.stackingTitleRepeats, 4)
        XCTAssertEqual(configuration.effective(for: directory.url("sub/special-1.json")).settings.stackingTitleRepeats, 5,
                       "patterns are anchored at the configuration's directory")
        XCTAssertEqual(configuration.effective(for: "/somewhere/else/legacy/x/a.md").disabledRules, [], "paths outside the directory never match")
    }

    func testIncludedAndExcluded() throws {
        let path = try directory.write(".listing-lint.yml", """
            included: ["listings/**", "extra.json"]
            excluded: ["listings/drafts", "**/*.tmp.md"]
            """)
        let configuration = try Configuration.load(path: path)
        XCTAssertTrue(configuration.isIncluded(directory.url("listings/a.md")))
        XCTAssertTrue(configuration.isIncluded(directory.url("listings/shop/b.jsonl")))
        XCTAssertTrue(configuration.isIncluded(directory.url("extra.json")))
        XCTAssertFalse(configuration.isIncluded(directory.url("other/a.md")), "outside included")
        XCTAssertFalse(configuration.isIncluded(directory.url("listings/drafts/a.md")), "a folder excludes its content")
        XCTAssertFalse(configuration.isIncluded(directory.url("listings/x/y.tmp.md")))
        XCTAssertTrue(configuration.isIncluded(directory.url("listings/drafts-2/a.md")), "drafts is not a prefix of drafts-2")

        // Relative paths are taken from the working directory.
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(directory.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        XCTAssertTrue(configuration.isIncluded("listings/a.md"))
        XCTAssertTrue(configuration.isIncluded("./listings/../listings/a.md"))
        XCTAssertFalse(configuration.isIncluded("listings/drafts/a.md"))
    }

    func testGlobMatching() throws {
        let cases: [(pattern: String, path: String, matches: Bool)] = [
            ("*.md", "a.md", true),
            ("*.md", "dir/a.md", false),
            ("**/*.md", "a.md", true),
            ("**/*.md", "x/y/z/a.md", true),
            ("**/*.md", "x/y/z/a.json", false),
            ("listings/**", "listings/a/b/c.md", true),
            ("listings/**", "listingsx/a.md", false),
            ("listings/**/old-*.md", "listings/old-1.md", true),
            ("listings/**/old-*.md", "listings/a/b/old-1.md", true),
            ("a/**/b/**/c.md", "a/x/b/y/z/c.md", true),
            ("a/**/b/**/c.md", "a/x/y/z/c.md", false),
            ("file?.md", "file1.md", true),
            ("file?.md", "file12.md", false),
            ("file?.md", "file/.md", false),
            ("?.md", "店.md", true),
            ("[abc].md", "b.md", true),
            ("[abc].md", "d.md", false),
            ("[!abc].md", "d.md", true),
            ("[^abc].md", "a.md", false),
            ("[a-c]*.md", "catalogue.md", true),
            ("[a-c]*.md", "dog.md", false),
            ("[]].md", "].md", true),
            ("\\*.md", "*.md", true),
            ("\\*.md", "a.md", false),
            ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXbYbZ", false),
            ("./listings/*.md", "listings/a.md", true),
            ("/listings/*.md", "./listings/a.md", true),
            ("listings/", "listings/a.md", true),
            ("listings", "listings/sub/a.md", true),
            ("**", "anything/at/all.md", true),
            (".", "a.md", true),
            ("*", "../a.md", false),
            ("商品/*.md", "商品/详情.md", true),
        ]
        for testCase in cases {
            let glob = try Glob(testCase.pattern)
            XCTAssertEqual(glob.matches(testCase.path), testCase.matches, "\(testCase.pattern) ~ \(testCase.path)")
        }
        for bad in ["", "a/[bc", "a//b", "../x", "x\\", "[z-a]"] {
            XCTAssertThrowsError(try Glob(bad), bad)
        }
    }

    // MARK: - Effect on linting

    func testConfiguredSettingsReachTheEngine() throws {
        let path = try directory.write(".listing-lint.yml", """
            rules:
              absolute-terms: {extra_terms: [天花板]}
              keyword-stacking: false
            """)
        let (disabled, settings) = try Configuration.load(path: path).effective(for: directory.url("a.md"))
        let ruleTypes = RuleRegistry.all.filter { !disabled.contains($0.description.id) }
        let engine = try Engine(resources: TestSupport.resources, ruleTypes: ruleTypes, settings: settings)
        let listing = TestSupport.listing(title: "SEO SEO tool SEO optimizer", body: "行业天花板的服务。")
        let configured = TestSupport.lint(listing, engine: engine).findings
        XCTAssertEqual(configured.map(\.rule), ["absolute-terms"], "\(configured.map { "\($0.rule) \($0.match)" })")
        XCTAssertEqual(configured.first?.match, "天花板")
        let defaults = TestSupport.lint(listing).findings.map(\.rule)
        XCTAssertTrue(defaults.contains("keyword-stacking"), "\(defaults)")
        XCTAssertFalse(defaults.contains("absolute-terms"), "天花板 is only a term by configuration")
    }

    // MARK: - Rendering

    func testRenderShowsEffectiveValuesAndReadsBack() throws {
        try directory.write("base.yml", "authorized_brands:\n  \"Shop: One\": [Taobao, \"true\"]\n")
        let path = try directory.write(".listing-lint.yml", """
            parent_config: base.yml
            rules:
              keyword-stacking: false
              absolute-terms: {extra_terms: [顶尖, "#1 pick"]}
              erp-price-floor: {monthly_floor: 35.5, exchange_rates: {BTC: 600000}}
              missing-modules: {extra_headings: {price: [费用一览]}}
            included: ["listings/**"]
            overrides:
              - paths: ["legacy/**"]
                rules: {keyword-stacking: {enabled: true, run_length: 6}, brand-names: false}
            """)
        let configuration = try Configuration.load(path: path)
        let rendered = configuration.render()
        XCTAssertTrue(rendered.contains("# from: \(directory.url("base.yml")) < \(path)"), rendered)
        XCTAssertTrue(rendered.contains("  keyword-stacking:\n    enabled: false\n    title_repeats: 3\n    run_length: 4\n"), rendered)
        XCTAssertTrue(rendered.contains("    extra_terms: [顶尖, \"#1 pick\"]\n"), rendered)
        XCTAssertTrue(rendered.contains("    monthly_floor: 35.5\n"), rendered)
        XCTAssertTrue(rendered.contains("      BTC: 600000\n"), rendered)
        XCTAssertTrue(rendered.contains("      USD: 7.2\n"), "defaults are shown too")
        XCTAssertTrue(rendered.contains("  \"Shop: One\": [Taobao, \"true\"]\n"), rendered)
        XCTAssertTrue(rendered.contains("included: [listings/**]\n"), rendered)
        XCTAssertTrue(rendered.contains("  - paths: [legacy/**]\n    rules:\n      brand-names: {enabled: false}\n      keyword-stacking: {enabled: true, run_length: 6}\n"), rendered)

        // For a path, the matching overrides are applied and named.
        let forLegacy = configuration.render(for: directory.url("legacy/a.md"))
        XCTAssertTrue(forLegacy.contains("# overrides applied: \(path):9 legacy/**"), forLegacy)
        XCTAssertTrue(forLegacy.contains("  brand-names:\n    enabled: false\n"), forLegacy)
        XCTAssertTrue(forLegacy.contains("  keyword-stacking:\n    enabled: true\n    title_repeats: 3\n    run_length: 6\n"), forLegacy)

        // The rendering is a configuration file that means the same.
        let copy = try directory.write("copy/.listing-lint.yml", rendered)
        let reloaded = try Configuration.load(path: copy)
        XCTAssertEqual(reloaded.settings, configuration.settings)
        XCTAssertEqual(reloaded.disabledRules, configuration.disabledRules)
        XCTAssertEqual(reloaded.effective(for: directory.url("copy/legacy/a.md")).disabledRules,
                       configuration.effective(for: directory.url("legacy/a.md")).disabledRules)

        // The defaults render too.
        let defaults = Configuration().render()
        XCTAssertTrue(defaults.contains("# from: built-in defaults"), defaults)
        XCTAssertTrue(defaults.contains("overrides: []\n"), defaults)
        XCTAssertNoThrow(try Yams.compose(yaml: defaults))
    }

    func testSettingsAreHashable() {
        var a = RuleSettings()
        var b = RuleSettings()
        XCTAssertEqual(Set([a, b]).count, 1)
        a.extraTerms["absolute-terms"] = ["顶尖"]
        b.stackingRunLength = 5
        XCTAssertEqual(Set([a, b, RuleSettings()]).count, 3)
    }
}
