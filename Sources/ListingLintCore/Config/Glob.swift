/// A path pattern of `.listing-lint.yml` (`included`, `excluded`, `overrides[].paths`), matched
/// against '/'-separated paths relative to the configuration file's directory.
///
/// - `*` any run of characters inside one path segment, `?` one character (never '/'),
/// - `[abc]`, `[a-z]`, `[!abc]` / `[^abc]` one character of (or not of) a set,
/// - `**` as a whole segment: any number of segments, none included (`listings/**`, `**/*.md`),
/// - `\x` the character x itself.
///
/// A pattern is anchored at the configuration's directory (a leading `/` or `./` changes nothing)
/// and also matches everything below what it matches: `listings/drafts` excludes the whole folder,
/// like `listings/drafts/**`. Matching counts Unicode scalars, so `?` is one Chinese character.
///
/// A small matcher of its own rather than a regex: it is a plain value, safe to share between
/// threads without per-thread scratch space.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public struct SyntaxError: Error, CustomStringConvertible, Equatable {
        public let pattern: String
        public let message: String
        public var description: String { "bad glob '\(pattern)': \(message)" }
    }

    enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case anyOne
        case star
        case set(ranges: [ClosedRange<UInt32>], negated: Bool)
    }

    enum Segment: Sendable, Hashable {
        case globstar
        case tokens([Token])
    }

    /// The pattern as written.
    public let pattern: String
    let segments: [Segment]

    public var description: String { pattern }

    public init(_ pattern: String) throws {
        self.pattern = pattern
        var text = pattern
        if text.isEmpty { throw SyntaxError(pattern: pattern, message: "the pattern is empty") }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw SyntaxError(pattern: pattern, message: "control characters are not allowed")
        }
        while text.hasPrefix("./") { text.removeFirst(2) }
        while text.hasPrefix("/") { text.removeFirst() }
        while text.hasSuffix("/") { text.removeLast() }
        if text.isEmpty || text == "." {
            // The configuration's directory itself: everything below it.
            segments = [.globstar]
            return
        }
        var segments: [Segment] = []
        for part in Glob.splitSegments(text) {
            if part == "**" {
                if segments.last != .globstar { segments.append(.globstar) }
                continue
            }
            if part.isEmpty {
                throw SyntaxError(pattern: pattern, message: "empty path segment ('//')")
            }
            if part == "." { continue }
            if part == ".." {
                throw SyntaxError(pattern: pattern, message: "'..' cannot match: patterns are relative to the configuration file's directory and only match paths below it")
            }
            segments.append(.tokens(try Glob.tokens(of: part, pattern: pattern)))
        }
        self.segments = segments
    }

    /// Splits at '/' that are not escaped and not inside a `[...]` set.
    private static func splitSegments(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inSet = false
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped { current.unicodeScalars.append(scalar); escaped = false; continue }
            switch scalar {
            case "\\": escaped = true; current.unicodeScalars.append(scalar)
            case "[": inSet = true; current.unicodeScalars.append(scalar)
            case "]": inSet = false; current.unicodeScalars.append(scalar)
            case "/" where !inSet:
                parts.append(current)
                current = ""
            default: current.unicodeScalars.append(scalar)
            }
        }
        parts.append(current)
        return parts
    }

    private static func tokens(of segment: String, pattern: String) throws -> [Token] {
        let scalars = Array(segment.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else {
                    throw SyntaxError(pattern: pattern, message: "'\\' at the end escapes nothing")
                }
                tokens.append(.literal(scalars[index + 1]))
                index += 2
            case "*":
                // `a**b` inside a segment is the same as `a*b`.
                if tokens.last != .star { tokens.append(.star) }
                index += 1
            case "?":
                tokens.append(.anyOne)
                index += 1
            case "[":
                var cursor = index + 1
                var negated = false
                if cursor < scalars.count && (scalars[cursor] == "!" || scalars[cursor] == "^") {
                    negated = true
                    cursor += 1
                }
                var ranges: [ClosedRange<UInt32>] = []
                var first = true
                var closed = false
                while cursor < scalars.count {
                    var current = scalars[cursor]
                    if current == "]" && !first { closed = true; cursor += 1; break }
                    first = false
                    if current == "\\" && cursor + 1 < scalars.count {
                        cursor += 1
                        current = scalars[cursor]
                    }
                    if cursor + 2 < scalars.count && scalars[cursor + 1] == "-" && scalars[cursor + 2] != "]" {
                        var upper = scalars[cursor + 2]
                        var step = 3
                        if upper == "\\" && cursor + 3 < scalars.count {
                            upper = scalars[cursor + 3]
                            step = 4
                        }
                        guard current.value <= upper.value else {
                            throw SyntaxError(pattern: pattern, message: "range '\(current)-\(upper)' is reversed")
                        }
                        ranges.append(current.value...upper.value)
                        cursor += step
                    } else {
                        ranges.append(current.value...current.value)
                        cursor += 1
                    }
                }
                guard closed else {
                    throw SyntaxError(pattern: pattern, message: "'[' has no closing ']'")
                }
                tokens.append(.set(ranges: ranges, negated: negated))
                index = cursor
            default:
                tokens.append(.literal(scalar))
                index += 1
            }
        }
        return tokens
    }

    /// Whether `relativePath` (or a folder it lies in) matches. Leading `./` is ignored; a path
    /// that leaves the base directory (`../x`) never matches.
    public func matches(_ relativePath: String) -> Bool {
        var path = relativePath
        while path.hasPrefix("./") { path.removeFirst(2) }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
            .map { Array($0.unicodeScalars) }
        if components.contains(where: { $0 == Array("..".unicodeScalars) }) { return false }
        // The path itself or any folder above it (a pattern that names a folder names its content).
        for length in stride(from: components.count, through: 1, by: -1) {
            if Glob.match(segments[...], components[..<length]) { return true }
        }
        return false
    }

    private static func match(_ segments: ArraySlice<Segment>, _ components: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let first = segments.first else { return components.isEmpty }
        switch first {
        case .globstar:
            let rest = segments.dropFirst()
            var remaining = components
            while true {
                if match(rest, remaining) { return true }
                if remaining.isEmpty { return false }
                remaining = remaining.dropFirst()
            }
        case .tokens(let tokens):
            guard let component = components.first, matchSegment(tokens, component) else { return false }
            return match(segments.dropFirst(), components.dropFirst())
        }
    }

    /// Classic wildcard matching with one backtracking point per star.
    private static func matchSegment(_ tokens: [Token], _ text: [Unicode.Scalar]) -> Bool {
        var tokenIndex = 0
        var textIndex = 0
        var starToken = -1
        var starText = 0
        while textIndex < text.count {
            if tokenIndex < tokens.count, tokens[tokenIndex] != .star, matchOne(tokens[tokenIndex], text[textIndex]) {
                tokenIndex += 1
                textIndex += 1
            } else if tokenIndex < tokens.count, tokens[tokenIndex] == .star {
                starToken = tokenIndex
                starText = textIndex
                tokenIndex += 1
            } else if starToken >= 0 {
                tokenIndex = starToken + 1
                starText += 1
                textIndex = starText
            } else {
                return false
            }
        }
        while tokenIndex < tokens.count && tokens[tokenIndex] == .star { tokenIndex += 1 }
        return tokenIndex == tokens.count
    }

    private static func matchOne(_ token: Token, _ scalar: Unicode.Scalar) -> Bool {
        switch token {
        case .literal(let literal): return literal == scalar
        case .anyOne: return true
        case .star: return true
        case .set(let ranges, let negated):
            let inside = ranges.contains { $0.contains(scalar.value) }
            return inside != negated
        }
    }
}
