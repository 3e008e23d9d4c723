import Foundation

/// Platform brand names (Alibaba, AliExpress, 淘宝 …) and their variants, without authorization.
public struct BrandNamesRule: Rule {
    public static let description = RuleDescription(
        id: "brand-names",
        name: "Unauthorized brand names",
        row: "A5-05",
        article: "Management Specification Article 4 2 c) 2 (no use of Alibaba, AliExpress, Taobao, Tmall, Yitao, Juhuasuan, Alipay, Ali, eTao … \"or any variant, abbreviation or misspelling\" without authorization); Article 5 row \"Use official and secondary two names without permission …\"",
        rationale: "Naming the platform's brands without written permission suggests an official endorsement the provider does not have.",
        triggers: "A brand of Lexicons/brands.yml in any text field: exact names in English and Chinese (Traditional too), spaced or hyphenated (Ali Express, Tao-bao), with look-alike letters (UTS #39 confusable skeletons: Cyrillic а, ɑ, ł), diacritics (Alíexpress), digit swaps (A1iexpress, Ta0bao) and near misspellings of the long names (Aliexpres, Alibba). Not when the brand is in the listing's authorized_brands (or the provider's in the configuration), not inside an aliexpress.com link, and not for ordinary words that merely share letters (Bali, Alice, mall, total).",
        fix: "Remove the brand name, or add it to authorized_brands when you hold written permission to use it.",
        lexicons: ["brands"],
        triggeringExamples: [
            .body("专为↓淘宝和↓天猫卖家设计"),
            .body("Sync orders from ↓AliExpress and ↓Ali Express stores"),
            .body("Works with ↓A1iexpress and ↓Ta0bao"),
            .body("Pay with ↓Аliexpress credit (Cyrillic А)"),
            .body("↓Alíexpress and ↓Aliexpres sellers"),
            .body("支持↓支付寶與↓淘寶"),
            .title("↓Tao-bao store helper"),
            .body("↓Alibaba partner, ↓Ali cloud", extra: "authorized_brands: [Taobao]\n"),
        ],
        nonTriggeringExamples: [
            .body("Holiday photos from Bali, by Alice and Natalie, Italian and Malibu style."),
            .body("A small mall is tall; total sales in Australia."),
            .body("Open https://sell.aliexpress.com/seller to start."),
            .body("支持淘宝店铺搬家", extra: "authorized_brands: [Taobao]\n"),
            .body("Sync to AliExpress; 速卖通店铺", extra: "authorized_brands: [速卖通]\n"),
            .body("请通过阿里旺旺联系"),
        ])

    struct Brand: Sendable, Codable {
        let id: String
        let names: [String]
        let fuzzy: Bool?
    }

    struct File: Sendable, Codable {
        let source: String
        let dictionary_path: String?
        let brands: [Brand]
        let allow: TermLexicon.ByLanguage?
    }

    /// A Latin brand name as its comparison key.
    struct LatinName: Sendable {
        let brand: Int
        let key: [UInt8]
        let fuzzy: Bool
        /// Letters of the key as bits (a = bit 0), and the edit distance a misspelling may have.
        let mask: UInt32
        let limit: Int

        init(brand: Int, key: [UInt8], fuzzy: Bool) {
            self.brand = brand
            self.key = key
            self.fuzzy = fuzzy
            self.mask = key.reduce(0) { $1 >= 0x61 && $1 <= 0x7A ? $0 | 1 << UInt32($1 - 0x61) : $0 }
            self.limit = key.count >= 9 ? 2 : 1
        }
    }

    private let brands: [Brand]
    private let latinNames: [LatinName]
    private let allowedWords: Set<String>
    private let dictionary: Set<String>
    private let normalizer: Normalizer
    /// Each brand's id and names as authorization keys, computed once.
    private let brandKeys: [Set<String>]
    public let terms: [LexiconTerm]

    public init(resources: RuleResources) throws {
        let file = try resources.lexicons.decode(File.self, from: "brands")
        brands = file.brands
        normalizer = resources.normalizer
        brandKeys = file.brands.map { brand in
            Set([brand.id] + brand.names.map { BrandNamesRule.authorizationKey($0, resources.normalizer) })
        }
        var terms: [LexiconTerm] = []
        var latin: [LatinName] = []
        for (index, brand) in file.brands.enumerated() {
            for name in brand.names {
                if name.unicodeScalars.contains(where: { CharacterFolding.isHan($0.value) }) {
                    terms.append(LexiconTerm(name, tag: index))
                } else {
                    let key = BrandNamesRule.key(Array(resources.normalizer.normalize(name).bytes.filter { $0 != 0x20 && $0 != 0x2D }))
                    latin.append(LatinName(brand: index, key: key, fuzzy: brand.fuzzy ?? false || key.count >= 5))
                }
            }
        }
        for word in file.allow?.zh ?? [] { terms.append(LexiconTerm(word, kind: .allow)) }
        self.terms = terms
        self.latinNames = latin
        self.allowedWords = Set((file.allow?.en ?? []).map { $0.lowercased() })
        var words = Set<String>()
        if let path = file.dictionary_path, let text = try? String(contentsOfFile: path, encoding: .utf8) {
            for word in text.split(separator: "\n") where word.count >= 3 && word.count <= 12 && !word.contains("'") {
                words.insert(word.lowercased())
            }
        }
        self.dictionary = words
    }

    /// Digits written for letters (A1iexpress, Ta0bao) read as the letters, and "rn" or "nn"
    /// as the "m" they imitate (trnall, tnnall).
    static func key(_ bytes: [UInt8]) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "n"),
               bytes[index] == UInt8(ascii: "r") || bytes[index] == UInt8(ascii: "n") {
                folded.append(UInt8(ascii: "m"))
                index += 2
                continue
            }
            folded.append(bytes[index])
            index += 1
        }
        return folded.map(leet)
    }

    /// A name as compared with authorizations: normalized, blanks removed.
    static func authorizationKey(_ name: String, _ normalizer: Normalizer) -> String {
        normalizer.normalize(name).string.replacingOccurrences(of: " ", with: "")
    }

    /// Brands the listing may name: its own authorized_brands and its provider's, matched to brand
    /// ids through any of their names (English and Chinese names of one brand are one brand).
    private func authorizedBrandIndices(_ input: RuleInput) -> Set<Int> {
        var names = input.listing.authorizedBrands
        if let provider = input.listing.provider { names += input.settings.authorizedBrands[provider] ?? [] }
        var indices = Set<Int>()
        for name in names {
            let key = BrandNamesRule.authorizationKey(name, normalizer)
            for (index, keys) in brandKeys.enumerated() where keys.contains(key) { indices.insert(index) }
        }
        return indices
    }

    public func check(_ input: RuleInput) -> [Violation] {
        let authorized = authorizedBrandIndices(input)
        var violations: [Violation] = []
        for (fieldIndex, field) in input.fields.enumerated() {
            var found: [(range: Range<Int>, brand: Int)] = []
            for hit in input.hits[fieldIndex] { found.append((hit.range, hit.tag)) }
            found += latinMatches(in: field.normalized.bytes)
            // Longest first, so "Ali Express" is one finding, not "Ali" and "Ali Express".
            found.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
            var lastEnd = -1
            for item in found {
                if item.range.lowerBound < lastEnd { continue }
                lastEnd = item.range.upperBound
                if authorized.contains(item.brand) { continue }
                if field.links.contains(where: { $0.isPlatform && $0.range.overlaps(item.range) }) { continue }
                let brand = brands[item.brand]
                let official = brand.names.first ?? brand.id
                violations.append(Violation(
                    .normalized(field: fieldIndex, range: item.range),
                    message: Message(
                        en: "brand name \"{match}\" (\(official)) used without authorization: Article 4 2 c) 2 forbids the platform's brand names and any variant or misspelling; remove it or list the brand in authorized_brands",
                        zh: "未经授权使用品牌名“{match}”（\(official)）：管理规范第四条2 c) 2禁止使用平台品牌名称及其变体、缩写或错拼；请删除，或在 authorized_brands 中登记已获授权的品牌"),
                    subject: nil))
            }
        }
        return violations
    }

    /// Latin tokens (and tokens joined by one hyphen, space, dot or underscore) that read as a brand.
    /// Most tokens are rejected by length and letter set before any key is built.
    private func latinMatches(in bytes: [UInt8]) -> [(range: Range<Int>, brand: Int)] {
        var tokens: [(range: Range<Int>, mask: UInt32, ascii: Bool, hasLetter: Bool)] = []
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard BrandNamesRule.isTokenByte(lead, bytes, index) else {
                // Step over the whole scalar, never into its continuation bytes.
                index += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                continue
            }
            let start = index
            var mask: UInt32 = 0
            var ascii = true
            var hasLetter = false
            while index < bytes.count && BrandNamesRule.isTokenByte(bytes[index], bytes, index) {
                let byte = BrandNamesRule.leet(bytes[index])
                if byte >= 0x61 && byte <= 0x7A { mask |= 1 << UInt32(byte - 0x61); hasLetter = true }
                if byte >= 0x80 { ascii = false; hasLetter = true }
                index += 1
            }
            tokens.append((start..<index, mask, ascii, hasLetter))
        }
        var matches: [(range: Range<Int>, brand: Int)] = []
        for (position, token) in tokens.enumerated() where token.hasLetter {
            // Joined candidates: exact matches only ("ali express", "t-mall", "alib-aba").
            var end = token.range.upperBound
            var mask = token.mask
            var length = token.range.count
            var next = position + 1
            while next < tokens.count && next <= position + 2 {
                let gap = tokens[next].range.lowerBound - end
                guard gap == 1, [0x20, 0x2D, 0x2E, 0x5F].contains(bytes[end]) else { break }
                end = tokens[next].range.upperBound
                mask |= tokens[next].mask
                length += tokens[next].range.count
                if latinNames.contains(where: { $0.key.count == length && $0.mask == mask }) || !tokens[next].ascii {
                    var joined: [UInt8] = []
                    for piece in tokens[position...next] { joined += bytes[piece.range] }
                    if let brand = exactBrand(BrandNamesRule.key(joined)) {
                        matches.append((token.range.lowerBound..<end, brand))
                    }
                }
                next += 1
            }
            if mightBeBrand(token.range.count, token.mask, ascii: token.ascii, bytes: bytes, range: token.range),
               let brand = brand(for: Array(bytes[token.range])) {
                matches.append((token.range, brand))
            }
        }
        return matches
    }

    /// A cheap necessary condition for `brand(for:)`: a length and a letter set within reach of
    /// some brand name.
    private func mightBeBrand(_ length: Int, _ mask: UInt32, ascii: Bool, bytes: [UInt8], range: Range<Int>) -> Bool {
        if !ascii { return true }
        guard length >= 3 && length <= 14 else { return false }
        // "rn"/"nn" stand for "m": let the full check decide.
        for index in range.dropLast() where bytes[index + 1] == UInt8(ascii: "n") && (bytes[index] == UInt8(ascii: "r") || bytes[index] == UInt8(ascii: "n")) {
            return true
        }
        for name in latinNames {
            let limit = name.fuzzy ? name.limit : 0
            guard abs(name.key.count - length) <= limit else { continue }
            if (mask & ~name.mask).nonzeroBitCount <= limit { return true }
        }
        return false
    }

    @inline(__always)
    static func leet(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0"): return UInt8(ascii: "o")
        case UInt8(ascii: "1"): return UInt8(ascii: "l")
        case UInt8(ascii: "3"): return UInt8(ascii: "e")
        case UInt8(ascii: "4"): return UInt8(ascii: "a")
        case UInt8(ascii: "5"): return UInt8(ascii: "s")
        case UInt8(ascii: "7"): return UInt8(ascii: "t")
        case UInt8(ascii: "@"): return UInt8(ascii: "a")
        default: return byte
        }
    }

    @inline(__always)
    static func isTokenByte(_ byte: UInt8, _ bytes: [UInt8], _ index: Int) -> Bool {
        if byte < 0x80 { return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x40 }
        // CJK (lead bytes E3–E9 and their continuations) is by far the most common non-ASCII text.
        if byte >= 0xE3 && byte <= 0xE9 { return false }
        // Non-ASCII letters that folding left in place (look-alikes with no single ASCII twin)
        // stay in the token; CJK and punctuation end it.
        var start = index
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let lead = bytes[start]
        return lead >= 0xC2 && lead <= 0xDF || (lead == 0xE1 && start + 1 < bytes.count && bytes[start + 1] >= 0xB4 && bytes[start + 1] <= 0xBF)
    }

    private func exactBrand(_ key: [UInt8]) -> Int? {
        latinNames.first { $0.key == key }?.brand
    }

    private func brand(for token: [UInt8]) -> Int? {
        let key = BrandNamesRule.key(token)
        if let exact = exactBrand(key) { return exact }
        let word = String(decoding: token, as: UTF8.self)
        if allowedWords.contains(word) { return nil }
        var best: (brand: Int, distance: Int)?
        for name in latinNames where name.fuzzy {
            let limit = name.key.count >= 9 ? 2 : 1
            guard abs(name.key.count - key.count) <= limit, key.count >= 4 else { continue }
            let distance = BrandNamesRule.distance(key, name.key, limit: limit)
            if distance <= limit, best == nil || distance < best!.distance { best = (name.brand, distance) }
        }
        guard let best else { return nil }
        // An ordinary English word is not a misspelling of a brand.
        if dictionary.contains(word) { return nil }
        return best.brand
    }

    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions),
    /// giving up early past `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[m]
    }
}
