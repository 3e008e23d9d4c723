import Foundation
import XCTest
@testable import ListingLintCore

/// Runs every rule's own examples, as SwiftLint's rule descriptions drive its tests: each
/// triggering example must produce findings exactly at its ↓ markers, and each non-triggering
/// example none at all.
final class RuleExampleTests: XCTestCase {
    func testEveryRuleHasExamplesAndACatalogueRow() {
        XCTAssertEqual(RuleRegistry.all.count, 7)
        for type in RuleRegistry.all {
            let description = type.description
            XCTAssertFalse(description.triggeringExamples.isEmpty, description.id)
            XCTAssertFalse(description.nonTriggeringExamples.isEmpty, description.id)
            XCTAssertNotNil(TestSupport.resources.catalogue.row(description.row), "\(description.id) names a row not in the catalogue")
            for lexicon in description.lexicons {
                XCTAssertTrue(FileManager.default.fileExists(atPath: TestSupport.lexicons.directory.appendingPathComponent(lexicon + ".yml").path), lexicon)
            }
        }
    }

    func testEveryRuleExample() throws {
        for type in RuleRegistry.all {
            let description = type.description
            let engine = try TestSupport.engine(for: type)
            for example in description.triggeringExamples {
                let (text, markers) = example.stripped
                XCTAssertFalse(markers.isEmpty, "\(example.where) \(description.id): a triggering example needs a ↓ marker")
                let (findings, errors) = TestSupport.lint(text, engine: engine)
                XCTAssertEqual(errors, [], "\(example.where) \(description.id): example does not parse")
                let found = Set(findings.map(\.start))
                XCTAssertEqual(found, Set(markers),
                               "\(example.where) \(description.id): findings at \(findings.map { "\($0.start.line):\($0.start.column) \($0.match)" }) but markers at \(markers.map { "\($0.line):\($0.column)" })",
                               )
            }
            for example in description.nonTriggeringExamples {
                let (findings, errors) = TestSupport.lint(example.source, engine: engine)
                XCTAssertEqual(errors, [], "\(example.where) \(description.id): example does not parse")
                XCTAssertEqual(findings.map(\.match), [], "\(example.where) \(description.id): must not trigger")
            }
        }
    }
}

extension RuleExample {
    var `where`: String { "\((file as NSString).lastPathComponent):\(line)" }
}
