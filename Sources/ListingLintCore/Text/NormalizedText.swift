/// A field's text as rules see it, with a map from every normalized byte back to the bytes of
/// the field's source text it came from.
public struct NormalizedText: Sendable {
    /// Normalized UTF-8.
    public let bytes: [UInt8]
    /// For each normalized byte, the source byte offset where the scalar it came from starts.
    let sourceStarts: [Int32]
    /// For each normalized byte, the source byte offset just past the scalar it came from.
    let sourceEnds: [Int32]

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The source byte range that produced the normalized byte range `range`.
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let at: Int
            if range.lowerBound < sourceStarts.count {
                at = Int(sourceStarts[range.lowerBound])
            } else {
                at = Int(sourceEnds.last ?? 0)
            }
            return at..<at
        }
        let lower = Int(sourceStarts[range.lowerBound])
        let upper = Int(sourceEnds[range.upperBound - 1])
        return lower..<max(lower, upper)
    }

    public func text(in range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }
}

/// Builds the normalized view of a text: NFKC, lower case, no invisible characters, diacritics and
/// look-alike letters folded, Traditional → Simplified Chinese, whitespace runs collapsed, and
/// separators removed where they only serve to split a word past a filter (最 好, Q Q, 微-信,
/// b.e.s.t). One normalizer serves every rule; it is immutable and shared across threads.
public struct Normalizer: Sendable {
    let folding: CharacterFolding

    public init(folding: CharacterFolding) {
        self.folding = folding
    }

    private struct Unit {
        var value: UInt32
        var start: Int32
        var end: Int32
    }

    public func normalize(_ text: String) -> NormalizedText {
        var copy = text
        return copy.withUTF8 { normalize(bytes: $0) }
    }

    public func normalize(bytes source: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var units: [Unit] = []
        units.reserveCapacity(source.count)
        var scratch: [UInt32] = []
        var position = 0
        let count = source.count
        while position < count {
            let lead = source[position]
            if lead < 0x80 {
                var value = UInt32(lead)
                if value >= 0x41 && value <= 0x5A { value |= 0x20 }
                units.append(Unit(value: value, start: Int32(position), end: Int32(position + 1)))
                position += 1
                continue
            }
            let (value, length) = Normalizer.decode(source, at: position)
            if let single = folding.foldSingle(value) {
                if single != UInt32.max {
                    units.append(Unit(value: single, start: Int32(position), end: Int32(position + length)))
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    folding.fold(value, into: &scratch)
                    for folded in scratch {
                        units.append(Unit(value: folded, start: Int32(position), end: Int32(position + length)))
                    }
                }
            }
            position += length
        }
        return squeezeAndEncode(units, capacity: count + 16)
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let remaining = bytes.count - index
        if lead & 0xE0 == 0xC0, remaining >= 2 {
            return ((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead & 0xF0 == 0xE0, remaining >= 3 {
            return ((UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if lead & 0xF8 == 0xF0, remaining >= 4 {
            return ((UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    // MARK: - Separators

    @inline(__always)
    static func isHorizontalSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0xA0 || value == 0x3000
    }

    /// Characters that are put between the letters of a word to split it.
    @inline(__always)
    static func isSplitter(_ value: UInt32) -> Bool {
        switch value {
        // "+" is not one: ＋V and +微 are spellings of 加V and 加微, matched as such.
        case 0x20, 0x09, 0x2D, 0x5F, 0x2A, 0x2E, 0x7E, 0x7C, 0x2F, 0x5C, 0x5E,
             0xB7, 0x2022, 0x2027, 0x2013, 0x2014, 0x30FB, 0x2219, 0x22C5,
             // Hearts, stars and emoji put inside a word (薇❤信, V★信), but not 🐧 (QQ's mascot,
             // itself a way of writing QQ).
             0x2600...0x27BF, 0x2B50...0x2B55, 0x1F300...0x1F426, 0x1F428...0x1FAFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isLatinLetter(_ value: UInt32) -> Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
    }

    @inline(__always)
    static func isWordCharacter(_ value: UInt32) -> Bool {
        isLatinLetter(value) || (value >= 0x30 && value <= 0x39)
    }

    @inline(__always)
    static func isCJK(_ value: UInt32) -> Bool {
        CharacterFolding.isHan(value)
    }

    /// A letter of a word: Latin or CJK (digits are not: 3*4 stays apart).
    static func isLetterLike(_ value: UInt32) -> Bool {
        isLatinLetter(value) || isCJK(value)
    }

    static let formattingTags: Set<String> = ["b", "i", "u", "s", "em", "strong", "span", "font", "sup", "sub", "del", "mark", "small", "big", "ins", "strike", "tt", "code", "br", "wbr"]

    /// The index just past a simple formatting tag (<b>, </strong>, <br/>) starting at `start`.
    private static func formattingTagEnd(_ units: [Unit], from start: Int) -> Int? {
        var index = start + 1
        if index < units.count && units[index].value == 0x2F { index += 1 }
        var name = ""
        while index < units.count, name.count <= 6, isLatinLetter(units[index].value) {
            name.unicodeScalars.append(Unicode.Scalar(units[index].value)!)
            index += 1
        }
        guard formattingTags.contains(name) else { return nil }
        while index < units.count && (units[index].value == 0x20 || units[index].value == 0x2F) { index += 1 }
        guard index < units.count && units[index].value == 0x3E else { return nil }
        return index + 1
    }

    /// A Latin letter standing alone between non-word characters, as in "Q Q" or "b e s t".
    private static func isLoneLetter(_ units: [Unit], _ index: Int) -> Bool {
        guard index >= 0, index < units.count, isLatinLetter(units[index].value) else { return false }
        if index > 0 && isWordCharacter(units[index - 1].value) { return false }
        if index + 1 < units.count && isWordCharacter(units[index + 1].value) { return false }
        return true
    }

    /// Removes the separators that only split a word, collapses blank runs, and encodes the result
    /// as UTF-8 with its map back to the source, in one pass.
    private func squeezeAndEncode(_ units: [Unit], capacity: Int) -> NormalizedText {
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        bytes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
        @inline(__always) func emit(_ value: UInt32, _ start: Int32, _ end: Int32) {
            if value < 0x80 {
                bytes.append(UInt8(value))
                starts.append(start); ends.append(end)
            } else if value < 0x800 {
                bytes.append(UInt8(0xC0 | (value >> 6)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
                starts.append(start); starts.append(start); ends.append(end); ends.append(end)
            } else if value < 0x10000 {
                bytes.append(UInt8(0xE0 | (value >> 12)))
                bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
                for _ in 0..<3 { starts.append(start); ends.append(end) }
            } else {
                bytes.append(UInt8(0xF0 | (value >> 18)))
                bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
                for _ in 0..<4 { starts.append(start); ends.append(end) }
            }
        }
        var index = 0
        while index < units.count {
            let unit = units[index]
            // Inline formatting tags (最<b>好</b>) are markup, not text.
            if unit.value == 0x3C, let tagEnd = Normalizer.formattingTagEnd(units, from: index) {
                index = tagEnd
                continue
            }
            guard Normalizer.isSplitter(unit.value) else {
                emit(unit.value, unit.start, unit.end)
                index += 1
                continue
            }
            var end = index
            var spaces = true
            var emphasisOnly = true
            while end < units.count && Normalizer.isSplitter(units[end].value) {
                if !Normalizer.isHorizontalSpace(units[end].value) { spaces = false }
                let value = units[end].value
                if value != 0x2A && value != 0x5F && value != 0x7E { emphasisOnly = false }
                end += 1
            }
            if end - index <= 3 && index > 0 && end < units.count && joins(units, before: index - 1, after: end) {
                index = end
                continue
            }
            // Markdown emphasis inside a word (b*es*t, We**Chat**, 最__好__) is markup, not a separator.
            if emphasisOnly && end - index <= 3 && index > 0 && end < units.count
                && Normalizer.isLetterLike(units[index - 1].value) && Normalizer.isLetterLike(units[end].value) {
                index = end
                continue
            }
            if spaces {
                // A run of blanks reads as one space.
                emit(0x20, unit.start, units[end - 1].end)
            } else {
                for splitter in units[index..<end] { emit(splitter.value, splitter.start, splitter.end) }
            }
            index = end
        }
        return NormalizedText(bytes: bytes, sourceStarts: starts, sourceEnds: ends)
    }

    private func joins(_ units: [Unit], before: Int, after: Int) -> Bool {
        let left = units[before].value
        let right = units[after].value
        let leftCJK = Normalizer.isCJK(left)
        let rightCJK = Normalizer.isCJK(right)
        if leftCJK && rightCJK { return true }
        let leftLone = Normalizer.isLoneLetter(units, before)
        let rightLone = Normalizer.isLoneLetter(units, after)
        return (leftLone || leftCJK) && (rightLone || rightCJK) && (leftLone || rightLone)
    }

}
