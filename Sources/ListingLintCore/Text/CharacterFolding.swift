import COpenCC
import CSpoof
import Foundation

/// What one source scalar becomes in the normalized view. Built once per process from real
/// Unicode data: NFKC and case folding from the standard library, diacritics stripped through
/// NFKD, look-alike letters folded with ICU's UTS #39 confusable skeletons, and Traditional
/// Chinese mapped to Simplified with OpenCC's own dictionaries.
public struct CharacterFolding: Sendable {
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    static let unchanged: UInt32 = 0xFFFF_FFFD
    static let dropped: UInt32 = 0xFFFF_FFFE
    static let expanded: UInt32 = 0xFFFF_FFFF

    /// Indexed by BMP scalar value: `unchanged`, `dropped`, `expanded` or the single replacement.
    private let table: [UInt32]
    private let expansions: [UInt32: [UInt32]]
    private let supplementary: [UInt32: [UInt32]]

    /// Compatibility, letter-like, look-alike and punctuation ranges worth folding. CJK ideographs
    /// are handled separately through OpenCC; the rest of the BMP passes through unchanged.
    private static let foldedRanges: [ClosedRange<UInt32>] = [
        0x0080...0x052F, 0x1D00...0x1DBF, 0x1E00...0x1FFF, 0x2000...0x2BFF, 0x2C60...0x2C7F,
        0x3000...0x30FF, 0x3200...0x33FF, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xF900...0xFAFF,
        0xFB00...0xFB4F, 0xFE00...0xFE6F, 0xFF00...0xFFEF,
    ]
    private static let supplementaryRanges: [ClosedRange<UInt32>] = [0x1D400...0x1D7FF, 0x1F100...0x1F1FF]

    /// Characters that carry no visible content and are used to split words past a filter.
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F,
             0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F,
             0xFEFF, 0xFFA0, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    public static func load(openCCConfig: String = "t2s.json") throws -> CharacterFolding {
        var table = [UInt32](repeating: unchanged, count: 0x10000)
        var expansions: [UInt32: [UInt32]] = [:]
        var supplementary: [UInt32: [UInt32]] = [:]

        for range in foldedRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if isInvisible(value) { table[Int(value)] = dropped; continue }
                let folded = fold(scalar)
                if folded == [value] { continue }
                if folded.isEmpty {
                    table[Int(value)] = dropped
                } else if folded.count == 1 {
                    table[Int(value)] = folded[0]
                } else {
                    table[Int(value)] = expanded
                    expansions[value] = folded
                }
            }
        }
        for range in supplementaryRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = fold(scalar)
                if folded != [value] { supplementary[value] = folded }
            }
        }
        try applyTraditionalToSimplified(into: &table, config: openCCConfig)
        return CharacterFolding(table: table, expansions: expansions, supplementary: supplementary)
    }

    private static func fold(_ scalar: Unicode.Scalar) -> [UInt32] {
        // Every dash reads as a hyphen (world‑class with U+2011 is world-class).
        switch scalar.value {
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return [0x2D]
        default: break
        }
        // A capital look-alike (Cyrillic Т) can have an ASCII twin that its lower case (т) lacks.
        if scalar.properties.isUppercase, !scalar.isASCII, let twin = asciiLookAlike(of: scalar),
           let lowered = Unicode.Scalar(twin).map({ String($0).lowercased().unicodeScalars.map(\.value) }), lowered.count == 1 {
            return lowered
        }
        let compatible = String(scalar).precomposedStringWithCompatibilityMapping
        // Strip combining marks (diacritics) so "Alíexpress" reads as "aliexpress".
        let bare = compatible.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x0300...0x036F).contains($0.value) && !(0x1AB0...0x1AFF).contains($0.value)
                && !(0x1DC0...0x1DFF).contains($0.value) && !(0x20D0...0x20FF).contains($0.value)
        }
        let lowered = String(String.UnicodeScalarView(bare)).lowercased()
        var result = lowered.unicodeScalars.map(\.value)
        if result.count == 1, result[0] >= 0x80, let only = Unicode.Scalar(result[0]),
           only.properties.isAlphabetic, !isHan(result[0]) {
            if let lookAlike = asciiLookAlike(of: only) ?? upperCaseLookAlike(of: only) ?? letterNamedIn(only) {
                result = [lookAlike]
            }
        }
        return result
    }

    /// A lower-case letter whose capital has an ASCII twin (Cyrillic т → Т → t).
    private static func upperCaseLookAlike(of scalar: Unicode.Scalar) -> UInt32? {
        let upper = String(scalar).uppercased().unicodeScalars
        guard upper.count == 1, let capital = upper.first, capital != scalar,
              let twin = asciiLookAlike(of: capital), let lowered = Unicode.Scalar(twin)?.properties.lowercaseMapping.unicodeScalars.first
        else { return nil }
        return lowered.value
    }

    /// Latin letters with a stroke, hook or descender that Unicode does not decompose
    /// (ɫ, ƫ, ɨ, ø, ɱ, ʙ, ᴍ): the Unicode name says which letter they are ("LATIN SMALL LETTER L
    /// WITH MIDDLE TILDE", "LATIN LETTER SMALL CAPITAL B").
    private static func letterNamedIn(_ scalar: Unicode.Scalar) -> UInt32? {
        guard let name = scalar.properties.name, name.hasPrefix("LATIN ") else { return nil }
        var words = name.split(separator: " ").dropFirst()
        guard let letterIndex = words.firstIndex(of: "LETTER") else { return nil }
        words = words[(letterIndex + 1)...]
        if words.starts(with: ["SMALL", "CAPITAL"]) { words = words.dropFirst(2) }
        guard let letter = words.first, letter.count == 1, let value = letter.unicodeScalars.first,
              ("A"..."Z").contains(value) else { return nil }
        return value.value + 0x20
    }

    /// The ASCII letter or digit a non-ASCII letter is confusable with, from ICU's skeleton.
    private static func asciiLookAlike(of scalar: Unicode.Scalar) -> UInt32? {
        var input = Array(String(scalar).utf8)
        var output = [UInt8](repeating: 0, count: 32)
        let length = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                inBuf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: inBuf.count) { i in
                    outBuf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: outBuf.count) { o in
                        listing_lint_skeleton(i, Int32(inBuf.count), o, Int32(outBuf.count))
                    }
                }
            }
        }
        guard length > 0 else { return nil }
        let skeleton = String(decoding: output.prefix(Int(length)), as: UTF8.self).lowercased()
        // The skeleton spells "m" as "rn": fold it back so it compares with plain text.
        let text = skeleton == "rn" ? "m" : skeleton
        let scalars = text.unicodeScalars
        guard scalars.count == 1, let first = scalars.first, first.isASCII,
              first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return nil }
        return first.value
    }

    static func isHan(_ value: UInt32) -> Bool {
        (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x3134F).contains(value)
    }

    private static func applyTraditionalToSimplified(into table: inout [UInt32], config: String) throws {
        guard let converter = opencc_open(config), Int(bitPattern: converter) != -1 else {
            throw LoadError(description: "cannot open OpenCC configuration \(config): install Debian's opencc data (apt-get install libopencc-dev)")
        }
        defer { opencc_close(converter) }
        // One conversion of every ideograph, one per line, keeps OpenCC's character dictionary
        // as the single source of truth and gives a 1:1 map, so offsets never shift.
        var input = ""
        var ideographs: [UInt32] = []
        for range in [0x3400...0x4DBF, 0x4E00...0x9FFF] as [ClosedRange<UInt32>] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                input.unicodeScalars.append(scalar)
                input.unicodeScalars.append("\n")
                ideographs.append(value)
            }
        }
        guard let converted = opencc_convert_utf8(converter, input, input.utf8.count) else {
            throw LoadError(description: "OpenCC failed to convert its probe text")
        }
        defer { opencc_convert_utf8_free(converted) }
        let lines = String(cString: converted).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= ideographs.count else {
            throw LoadError(description: "OpenCC returned \(lines.count) lines for \(ideographs.count) ideographs")
        }
        for (index, value) in ideographs.enumerated() {
            let scalars = lines[index].unicodeScalars
            guard scalars.count == 1, let simplified = scalars.first?.value, simplified != value else { continue }
            table[Int(value)] = simplified
        }
        // Compatibility ideographs fold through NFKC to a unified ideograph: chain its
        // simplification too.
        for value in 0xF900...0xFAFF {
            let mapped = table[value]
            if mapped < 0x10000, isHan(mapped), table[Int(mapped)] < dropped {
                table[value] = table[Int(mapped)]
            }
        }
    }

    /// The single scalar `value` folds to, `nil` when it is dropped, or `UInt32.max` when it
    /// expands to several (then call `fold(_:into:)`). The hot path of normalization.
    @inline(__always)
    func foldSingle(_ value: UInt32) -> UInt32? {
        if value < 0x10000 {
            let mapped = table[Int(value)]
            if mapped == CharacterFolding.unchanged { return value }
            if mapped == CharacterFolding.dropped { return nil }
            if mapped == CharacterFolding.expanded { return UInt32.max }
            return mapped
        }
        return supplementary[value] == nil ? value : UInt32.max
    }

    /// Appends what `value` folds to (nothing when it is dropped).
    @inline(__always)
    func fold(_ value: UInt32, into output: inout [UInt32]) {
        if value < 0x10000 {
            let mapped = table[Int(value)]
            if mapped == CharacterFolding.unchanged {
                output.append(value)
            } else if mapped == CharacterFolding.dropped {
                return
            } else if mapped == CharacterFolding.expanded {
                output.append(contentsOf: expansions[value] ?? [value])
            } else {
                output.append(mapped)
            }
        } else if let replacement = supplementary[value] {
            output.append(contentsOf: replacement)
        } else {
            output.append(value)
        }
    }
}
