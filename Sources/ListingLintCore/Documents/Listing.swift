import Foundation

/// The five service categories of the Management Specification (Article 2, 2.3).
public enum ServiceCategory: String, Sendable, CaseIterable {
    case software, operation, training, design, video
}

public enum PlanPeriod: String, Sendable, CaseIterable {
    case day, week, month, quarter, year, once

    /// The period as providers write it: the schema's words, and the usual English and Chinese
    /// variants ("monthly", "annual", "月", "一次性").
    public init?(written text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = PlanPeriod(rawValue: key) { self = exact; return }
        switch key {
        case "daily", "days", "天", "日", "每天", "每日", "按天": self = .day
        case "weekly", "weeks", "周", "週", "每周", "每週", "星期": self = .week
        case "monthly", "months", "mo", "月", "每月", "按月", "包月", "月付": self = .month
        case "quarterly", "quarters", "季", "季度", "每季", "每季度", "季付": self = .quarter
        case "yearly", "annual", "annually", "years", "yr", "年", "每年", "按年", "包年", "年付": self = .year
        case "one-off", "one off", "onetime", "one-time", "one time", "single", "lifetime", "一次性", "买断", "買斷", "单次", "單次": self = .once
        default: return nil
        }
    }

    /// How many of this period make a month, for comparing with a monthly floor.
    public var monthsPerPeriod: Double? {
        switch self {
        case .day: return 1.0 / 30.0
        case .week: return 7.0 / 30.0
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        case .once: return nil
        }
    }
}

/// A line and a column (both 1-based; the column counts Unicode scalars, so a Chinese character
/// is one column, as editors show it).
public struct SourcePosition: Sendable, Hashable, Comparable {
    public let line: Int
    public let column: Int

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Turns byte offsets of a source text into lines and columns.
public struct LineIndex: Sendable {
    let bytes: [UInt8]
    let lineStarts: [Int]
    /// Line number of the text's first line (a catalogue record's line inside its `.jsonl`).
    let firstLine: Int

    public init(bytes: [UInt8], firstLine: Int = 1) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
        self.firstLine = firstLine
    }

    public func position(of offset: Int) -> SourcePosition {
        let clamped = min(max(0, offset), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var cursor = lineStarts[low]
        while cursor < clamped {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return SourcePosition(line: firstLine + low, column: column)
    }

    /// Byte offset of the start of `line` (counted like `position(of:)`), if the text has it.
    public func offset(ofLine line: Int) -> Int? {
        let index = line - firstLine
        guard index >= 0, index < lineStarts.count else { return nil }
        return lineStarts[index]
    }

    /// Byte offset of a 1-based scalar column on a line.
    public func offset(line: Int, column: Int) -> Int? {
        guard var cursor = offset(ofLine: line) else { return nil }
        var remaining = column - 1
        while remaining > 0 && cursor < bytes.count && bytes[cursor] != 0x0A {
            cursor += 1
            while cursor < bytes.count && bytes[cursor] & 0xC0 == 0x80 { cursor += 1 }
            remaining -= 1
        }
        return cursor
    }

    public func text(in range: Range<Int>) -> String {
        let lower = min(max(0, range.lowerBound), bytes.count)
        let upper = min(max(lower, range.upperBound), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

/// A piece of text of a listing that rules read, with the map from its bytes to the source's.
public struct TextField: Sendable {
    /// Where the text sits: `title`, `description`, `provider`, `plans[1].name`.
    public let name: String
    public let text: String
    let anchors: SourceAnchors

    public init(name: String, text: String, anchors: SourceAnchors) {
        self.name = name
        self.text = text
        self.anchors = anchors
    }

    public func sourceOffset(of offset: Int) -> Int { anchors.sourceOffset(of: offset) }
}

public struct Plan: Sendable {
    public let index: Int
    public let name: String?
    public let price: Double
    /// The price as written, and where: findings about a plan point at its price.
    public let priceText: String
    public let priceOffset: Int
    public let currency: String
    public let period: PlanPeriod
}

/// A level-2 heading of the description: one description module.
public struct DescriptionModule: Sendable {
    public let heading: String
    /// Byte offset of the heading line in the source.
    public let sourceOffset: Int
}

/// An HTML comment of the description, where inline directives live.
public struct DescriptionComment: Sendable {
    public let text: String
    public let line: Int
    /// The line a `disable-next-line` directive refers to: the next line that has content.
    public let nextContentLine: Int?
}

/// A class, not a struct: a listing is passed to every rule and kept with its findings, and
/// copying its dozen members (retaining each) showed up in profiles.
public final class Listing: Sendable {
    public let file: String
    public let id: String
    public let category: ServiceCategory
    public let provider: String?
    public let erp: Bool?
    public let authorizedBrands: [String]
    public let plans: [Plan]
    public let title: TextField
    public let description: TextField
    public let providerField: TextField?
    public let planNames: [TextField]
    public let modules: [DescriptionModule]
    public let comments: [DescriptionComment]
    /// Suppressions given as data (`lint_suppressions` in JSON listings, or front matter).
    public let suppressionEntries: [SuppressionEntry]
    /// Byte offset where the description starts in the source.
    public let descriptionOffset: Int
    public let lines: LineIndex

    init(
        file: String, id: String, category: ServiceCategory, provider: String?, erp: Bool?, authorizedBrands: [String],
        plans: [Plan], title: TextField, description: TextField, providerField: TextField?, planNames: [TextField],
        modules: [DescriptionModule], comments: [DescriptionComment], suppressionEntries: [SuppressionEntry],
        descriptionOffset: Int, lines: LineIndex
    ) {
        self.file = file; self.id = id; self.category = category; self.provider = provider; self.erp = erp
        self.authorizedBrands = authorizedBrands; self.plans = plans; self.title = title; self.description = description
        self.providerField = providerField; self.planNames = planNames; self.modules = modules; self.comments = comments
        self.suppressionEntries = suppressionEntries; self.descriptionOffset = descriptionOffset; self.lines = lines
    }

    /// Every text a rule reads, title first.
    public var textFields: [TextField] {
        var fields = [title, description]
        if let providerField { fields.append(providerField) }
        fields.append(contentsOf: planNames)
        return fields
    }
}

/// `lint_suppressions` entries: `{rules: [..], reason: "...", field?: "title", line?: N}`.
public struct SuppressionEntry: Sendable {
    public let rules: [String]
    public let reason: String?
    public let field: String?
    public let line: Int?
    public let sourceOffset: Int
}

/// Something that kept an input, or part of it, from being linted.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
