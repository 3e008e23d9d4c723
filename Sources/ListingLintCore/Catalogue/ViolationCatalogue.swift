import Foundation
import Yams

/// One row of the seed's violation table ("Article 5 Handling of violations").
public struct ViolationRow: Sendable, Codable, Equatable {
    public let id: String
    public let type: String
    public let subtype: String?
    public let content: String
    /// The deduction; nil where the seed writes "—".
    public let points: Double?
    public let pointsText: String
    public let processing: String
    public let period: String

    enum CodingKeys: String, CodingKey {
        case id, type, subtype, content, points, processing, period
        case pointsText = "points_text"
    }
}

/// The whole violation table, loaded from `Lexicons/violations.yml`.
public struct ViolationCatalogue: Sendable {
    public let source: String
    public let rows: [ViolationRow]

    private struct File: Codable {
        let source: String
        let rows: [ViolationRow]
    }

    public init(lexicons: LexiconStore) throws {
        let file = try lexicons.decode(File.self, from: "violations")
        var seen = Set<String>()
        for row in file.rows where !seen.insert(row.id).inserted {
            throw LexiconStore.LoadError(description: "violations.yml: row id \(row.id) appears twice")
        }
        self.source = file.source
        self.rows = file.rows
    }

    public func row(_ id: String) -> ViolationRow? { rows.first { $0.id == id } }
}

/// Finds and reads the data files in `Lexicons/`. Every word list, table and synonym set of the
/// product lives there as YAML with its source noted, so changing a list never means changing code.
public struct LexiconStore: Sendable {
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `LISTING_LINT_LEXICONS`, then `Lexicons/` beside or above the executable (a checkout's
    /// `.build/<config>/listing-lint`, or `share/listing-lint/Lexicons` of an install), then above
    /// the working directory.
    public static func locate(explicit: String? = nil) throws -> LexiconStore {
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        if let environment = ProcessInfo.processInfo.environment["LISTING_LINT_LEXICONS"], !environment.isEmpty {
            candidates.append(URL(fileURLWithPath: environment))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("Lexicons"))
            candidates.append(directory.appendingPathComponent("share/listing-lint/Lexicons"))
            directory = directory.deletingLastPathComponent()
        }
        var working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            candidates.append(working.appendingPathComponent("Lexicons"))
            working = working.deletingLastPathComponent()
        }
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("violations.yml").path) {
            return LexiconStore(directory: candidate)
        }
        throw LoadError(description: "cannot find the Lexicons folder (violations.yml): set LISTING_LINT_LEXICONS or pass --lexicons")
    }

    public func text(of name: String) throws -> String {
        let url = directory.appendingPathComponent(name + ".yml")
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LoadError(description: "cannot read lexicon \(url.path): \(error.localizedDescription)")
        }
    }

    public func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        let yaml = try text(of: name)
        do {
            return try YAMLDecoder().decode(T.self, from: yaml)
        } catch {
            throw LoadError(description: "lexicon \(name).yml is malformed: \(error)")
        }
    }
}

/// The common shape of a term list: terms that trigger, and longer compounds that contain a
/// term but are not a violation.
public struct TermLexicon: Sendable, Codable {
    public struct ByLanguage: Sendable, Codable {
        public var zh: [String]?
        public var en: [String]?
        public var all: [String] { (zh ?? []) + (en ?? []) }
    }

    public let source: String
    public var terms: ByLanguage
    public var allow: ByLanguage?
}
