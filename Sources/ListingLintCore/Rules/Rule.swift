/// Text in the two languages a finding can be printed in (`--lang en|zh`).
public struct Message: Sendable, Equatable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

public enum Language: String, Sendable, CaseIterable {
    case en, zh
}

/// A listing written as an example of a rule, with `↓` marking each place a finding must start
/// (as SwiftLint marks `↓as!`). Text that does not start with `---` is a description body under a
/// default front matter; `title:` examples put the text in the title.
public struct RuleExample: Sendable {
    public let source: String
    public let file: String
    public let line: Int

    public init(_ source: String, file: String = #filePath, line: Int = #line) {
        self.source = source
        self.file = file
        self.line = line
    }

    /// A body under a front matter of the given category (software by default).
    public static func body(
        _ text: String, category: ServiceCategory = .software, extra: String = "",
        file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        RuleExample("---\nid: example\ntitle: Example service\ncategory: \(category.rawValue)\n\(extra)---\n\(text)\n", file: file, line: line)
    }

    /// A title (the body is a plain sentence).
    public static func title(
        _ text: String, category: ServiceCategory = .software, extra: String = "",
        file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        let quoted = "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return RuleExample("---\nid: example\ntitle: \(quoted)\ncategory: \(category.rawValue)\n\(extra)---\nA service.\n", file: file, line: line)
    }

    public static let marker: Character = "↓"

    /// The listing without markers, and the (line, column) of each marker in it.
    public var stripped: (text: String, markers: [SourcePosition]) {
        var text = ""
        var markers: [SourcePosition] = []
        var line = 1
        var column = 1
        for scalar in source.unicodeScalars {
            if Character(scalar) == RuleExample.marker {
                markers.append(SourcePosition(line: line, column: column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (text, markers)
    }
}

/// Everything a rule says about itself: what the docs print, what `explain` shows and what the
/// generic example test runs.
public struct RuleDescription: Sendable {
    public let id: String
    public let name: String
    /// Id of the violation-table row the rule reports (`Lexicons/violations.yml`).
    public let row: String
    /// The seed article the rule enforces, cited.
    public let article: String
    public let rationale: String
    public let triggers: String
    public let fix: String
    /// Lexicon files the rule reads (without `.yml`).
    public let lexicons: [String]
    public let triggeringExamples: [RuleExample]
    public let nonTriggeringExamples: [RuleExample]

    public init(
        id: String, name: String, row: String, article: String, rationale: String, triggers: String,
        fix: String, lexicons: [String], triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample]
    ) {
        self.id = id
        self.name = name
        self.row = row
        self.article = article
        self.rationale = rationale
        self.triggers = triggers
        self.fix = fix
        self.lexicons = lexicons
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// A literal word a rule wants found by the shared multi-literal scan.
public struct LexiconTerm: Sendable {
    public enum Kind: Sendable { case hit, allow }
    public let text: String
    public let kind: Kind
    /// Free for the rule: which list, which brand, which language…
    public let tag: Int

    public init(_ text: String, kind: Kind = .hit, tag: Int = 0) {
        self.text = text
        self.kind = kind
        self.tag = tag
    }
}

/// A term found in a field's normalized text, already checked for word boundaries and not
/// inside an allowed compound.
public struct TermHit: Sendable {
    public let term: Int
    public let tag: Int
    public let range: Range<Int>
}

/// What a rule found, before the engine turns it into a located, catalogued `Finding`.
public struct Violation: Sendable {
    public enum Place: Sendable {
        /// A range of a field's normalized text.
        case normalized(field: Int, range: Range<Int>)
        /// A byte range of the source file, for places outside any text field (a plan's price).
        case source(field: String, range: Range<Int>)
    }

    public let place: Place
    public let message: Message
    /// What the finding is about when it is not the matched text (a missing module's key).
    public let subject: String?

    public init(_ place: Place, message: Message, subject: String? = nil) {
        self.place = place
        self.message = message
        self.subject = subject
    }
}

/// What every rule sees of one listing: parsed once, normalized once, scanned once.
public struct RuleInput {
    public let listing: Listing
    public let fields: [AnalyzedField]
    /// Term hits of this rule, per field (same indices as `fields`).
    public let hits: [[TermHit]]
    public let scratch: RegexScratch
    public let settings: RuleSettings
}

/// A text field with its normalized view and the shared link scan.
public struct AnalyzedField: Sendable {
    public let field: TextField
    public let normalized: NormalizedText
    /// External or platform links found in the field (ranges of the normalized text).
    public let links: [DetectedLink]
}

public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init(resources: RuleResources) throws
    /// Words for the shared multi-literal scan.
    var terms: [LexiconTerm] { get }
    func check(_ input: RuleInput) -> [Violation]
}

extension Rule {
    public var terms: [LexiconTerm] { [] }
    public var id: String { Self.description.id }
}

/// What a rule may use when it is built: the lexicons and the configuration.
public struct RuleResources: Sendable {
    public let lexicons: LexiconStore
    public let normalizer: Normalizer
    public let settings: RuleSettings
}
