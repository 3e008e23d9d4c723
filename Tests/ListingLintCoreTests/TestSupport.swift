import Foundation
import XCTest
@testable import ListingLintCore

/// Shared, real components for the tests: the repository's own lexicons, OpenCC, ICU, PCRE2.
enum TestSupport {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let lexicons = LexiconStore(directory: repositoryRoot.appendingPathComponent("Lexicons"))

    static let resources: Engine.Resources = {
        do { return try Engine.Resources(lexicons: lexicons) } catch { fatalError("cannot load resources: \(error)") }
    }()

    static let engine: Engine = {
        do { return try Engine(resources: resources) } catch { fatalError("cannot build the engine: \(error)") }
    }()

    static func engine(for rule: any Rule.Type, settings: RuleSettings = RuleSettings()) throws -> Engine {
        try Engine(resources: resources, ruleTypes: [rule], settings: settings)
    }

    /// ../shared/conformance beside the checkout (CI lays it there).
    static let conformance: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")

    static func requireConformance(_ folder: String) throws -> URL {
        let url = conformance.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("the public conformance suite \(url.path) is missing: it lives in ../shared/conformance beside the checkout")
        }
        return url
    }

    static func lint(_ text: String, file: String = "test.md", format: ListingFormat = .markdown, engine: Engine = engine) -> (findings: [Finding], errors: [InputError]) {
        let result = ListingReader.read(bytes: Array(text.utf8), file: file, format: format)
        let scratch = RegexScratch()
        return (result.listings.flatMap { engine.lint($0, scratch: scratch) }, result.errors)
    }

    /// A listing whose body is `body`, with every module a software listing needs.
    static func listing(title: String = "数据工具", category: String = "software", extra: String = "", body: String) -> String {
        "---\nid: t\ntitle: \(title)\ncategory: \(category)\n\(extra)---\n## 功能介绍\n\(body)\n## 使用流程\n授权即可。\n"
    }
}
