/// The same keyword stacked in a title, or a run of near-duplicate keywords in the description.
public struct KeywordStackingRule: Rule {
    public static let description = RuleDescription(
        id: "keyword-stacking",
        name: "Keyword stacking",
        row: "A5-15",
        article: "Article 5 row \"Service title or service details description duplicate stacked keywords\" (Non-standard service description); Management Specification Article 4 1 a) (service elements must match)",
        rationale: "Stacked keywords game the market's search and bury honest listings; the platform removes such services from sale.",
        triggers: "A keyword (an English word, or a Chinese two-character word, found without a segmenter as character bigrams) that appears three or more times in the title (stacking_title_repeats); or, in the description, a line of short comma-, slash- or space-separated keywords where at least four (stacking_run_length) share one keyword (店铺装修 装修模板 装修设计 装修 旺铺装修 …; SEO, seo tool, SEO optimizer …). Natural prose that names a thing twice is not stacking.",
        fix: "Name the service once in the title and describe it in sentences; delete keyword lists from the description.",
        lexicons: ["stacking"],
        triggeringExamples: [
            .title("↓店铺装修 装修模板 装修设计 装修 旺铺装修"),
            .title("↓SEO SEO tool SEO optimizer"),
            .body("## 功能介绍\n关键词：↓店铺装修 装修模板 装修设计 旺铺装修 店铺装修设计"),
            .body("Tags: ↓SEO, seo tool, SEO optimizer, SEO booster, SEO audit"),
        ],
        nonTriggeringExamples: [
            .title("店铺装修设计 专业装修团队"),
            .title("SEO audit for AliExpress stores"),
            .body("我们提供店铺装修服务。装修完成后提供一个月的免费修改。"),
            .body("Our SEO service starts with an audit. The SEO report lists fixes."),
            .body("- 商品管理\n- 订单管理\n- 库存管理"),
            .body("我们提供店铺装修服务，装修风格多样，装修团队专业，装修周期短。"),
        ])

    struct File: Codable, Sendable {
        let source: String
        let stopwords: Stopwords
        struct Stopwords: Codable, Sendable { let en: [String]; let zh_chars: [String] }
    }

    private let stopwords: Set<UInt64>
    private let functionCharacters: Set<UInt32>
    private let folding: CharacterFolding

    public init(resources: RuleResources) throws {
        let file = try resources.lexicons.decode(File.self, from: "stacking")
        folding = resources.normalizer.folding
        stopwords = Set(file.stopwords.en.map { KeywordStackingRule.hash(Array($0.lowercased().utf8)[...]) })
        functionCharacters = Set(file.stopwords.zh_chars.compactMap { $0.unicodeScalars.first?.value })
    }

    /// A keyword occurrence: a hash of its folded form and its byte range.
    struct Keyword {
        let hash: UInt64
        let range: Range<Int>
    }

    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }

    /// English words (lower case, plural "s" dropped, stop words skipped) and CJK bigrams (no
    /// function characters) of `span`. `folded` says the bytes are already normalized; raw bytes
    /// are folded scalar by scalar with the normalizer's own table (case, Traditional → Simplified).
    private func keywords(_ bytes: UnsafeBufferPointer<UInt8>, in span: Range<Int>, folded: Bool, into result: inout [Keyword]) {
        var index = span.lowerBound
        var wordStart = -1
        var wordHash: UInt64 = 0xcbf2_9ce4_8422_2325
        var wordLength = 0
        var lastByte: UInt8 = 0, beforeLast: UInt8 = 0
        var previousCJK: (value: UInt32, start: Int)? = nil
        var scratch: [UInt32] = []
        func closeWord(at end: Int) {
            guard wordStart >= 0 else { return }
            defer { wordStart = -1 }
            guard wordLength >= 2 else { return }
            var hash = wordHash
            if wordLength > 3 && lastByte == UInt8(ascii: "s") && beforeLast != UInt8(ascii: "s") {
                // Recompute without the plural "s".
                hash = 0xcbf2_9ce4_8422_2325
                var count = 0
                for position in wordStart..<end where count < wordLength - 1 {
                    hash = (hash ^ UInt64(KeywordStackingRule.lower(bytes[position]))) &* 0x100_0000_01b3
                    count += 1
                }
            }
            if stopwords.contains(hash) { return }
            result.append(Keyword(hash: hash, range: wordStart..<end))
        }
        while index < span.upperBound {
            var value: UInt32
            var length = 1
            if bytes[index] < 0x80 {
                value = UInt32(KeywordStackingRule.lower(bytes[index]))
            } else {
                (value, length) = Normalizer.decode(bytes, at: index)
                if !folded {
                    if let single = folding.foldSingle(value), single != UInt32.max {
                        value = single
                    } else {
                        scratch.removeAll(keepingCapacity: true)
                        folding.fold(value, into: &scratch)
                        value = scratch.first ?? value
                    }
                }
            }
            let isLetterOrDigit = (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
            if isLetterOrDigit {
                if wordStart < 0 { wordStart = index; wordHash = 0xcbf2_9ce4_8422_2325; wordLength = 0; lastByte = 0; beforeLast = 0 }
                wordHash = (wordHash ^ UInt64(value)) &* 0x100_0000_01b3
                wordLength += 1
                beforeLast = lastByte
                lastByte = UInt8(value)
            } else {
                closeWord(at: index)
            }
            if Normalizer.isCJK(value) && !functionCharacters.contains(value) {
                if let previous = previousCJK {
                    let pair = (UInt64(previous.value) << 32 | UInt64(value)) &* 0x9E37_79B9_7F4A_7C15
                    result.append(Keyword(hash: pair, range: previous.start..<(index + length)))
                }
                previousCJK = (value, index)
            } else {
                previousCJK = nil
            }
            index += length
        }
        closeWord(at: span.upperBound)
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// The most repeated hash among `keys` (counting non-overlapping occurrences) and its occurrences.
    private func mostRepeated(_ keys: [Keyword]) -> [Keyword] {
        guard !keys.isEmpty else { return [] }
        let sorted = keys.sorted { ($0.hash, $0.range.lowerBound) < ($1.hash, $1.range.lowerBound) }
        var best: ArraySlice<Keyword> = []
        var bestCount = 0
        var start = 0
        while start < sorted.count {
            var end = start
            var count = 0
            var lastEnd = -1
            while end < sorted.count && sorted[end].hash == sorted[start].hash {
                if sorted[end].range.lowerBound >= lastEnd { count += 1; lastEnd = sorted[end].range.upperBound }
                end += 1
            }
            if count > bestCount || (count == bestCount && sorted[start].range.lowerBound < (best.first?.range.lowerBound ?? Int.max)) {
                best = sorted[start..<end]
                bestCount = count
            }
            start = end
        }
        var occurrences: [Keyword] = []
        var lastEnd = -1
        for keyword in best where keyword.range.lowerBound >= lastEnd {
            occurrences.append(keyword)
            lastEnd = keyword.range.upperBound
        }
        return occurrences
    }

    public func check(_ input: RuleInput) -> [Violation] {
        var violations: [Violation] = []
        let settings = input.settings
        for (fieldIndex, field) in input.fields.enumerated() {
            if field.field.name == "title" {
                let bytes = field.normalized.bytes
                var keys: [Keyword] = []
                bytes.withUnsafeBufferPointer { keywords($0, in: 0..<$0.count, folded: true, into: &keys) }
                let repeated = mostRepeated(keys)
                if repeated.count >= settings.stackingTitleRepeats, let first = repeated.first {
                    // The whole title is the stacked run.
                    let key = String(decoding: bytes[first.range], as: UTF8.self)
                    violations.append(stacked(.normalized(field: fieldIndex, range: 0..<bytes.count), key: key, count: repeated.count, inTitle: true))
                }
            } else if field.field.name == "description" {
                // Separators between keywords matter here, so lines are read raw (normalization
                // joins Chinese words split by blanks) and folded scalar by scalar.
                var text = field.field.text
                text.withUTF8 { raw in
                    var start = 0
                    while start <= raw.count {
                        var end = start
                        while end < raw.count && raw[end] != 0x0A { end += 1 }
                        if let run = keywordRun(raw, line: start..<end, minimum: settings.stackingRunLength) {
                            let range = field.field.sourceOffset(of: run.range.lowerBound)..<field.field.sourceOffset(of: run.range.upperBound)
                            violations.append(stacked(.source(field: field.field.name, range: range), key: run.key, count: run.count, inTitle: false))
                        }
                        start = end + 1
                    }
                }
            }
        }
        return violations
    }

    /// A line that is a list of short keywords, most of them sharing one keyword.
    private func keywordRun(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, minimum: Int) -> (range: Range<Int>, key: String, count: Int)? {
        guard line.count >= minimum * 2 else { return nil }
        // Items are split by list punctuation when the line has any, else by blanks, so
        // "seo tool, SEO optimizer" keeps its two-word items.
        func punctuationWidth(_ at: Int) -> Int {
            switch bytes[at] {
            case UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: ":"): return 1
            default: break
            }
            // 、 ， ； ： ｜
            if bytes[at] >= 0xE3, at + 2 < line.upperBound {
                let triple = (bytes[at], bytes[at + 1], bytes[at + 2])
                if triple == (0xE3, 0x80, 0x81) || triple == (0xEF, 0xBC, 0x8C) || triple == (0xEF, 0xBC, 0x9B)
                    || triple == (0xEF, 0xBC, 0x9A) || triple == (0xEF, 0xBD, 0x9C) { return 3 }
            }
            return 0
        }
        func blankWidth(_ at: Int) -> Int {
            if bytes[at] == 0x20 || bytes[at] == 0x09 { return 1 }
            if bytes[at] == 0xE3, at + 2 < line.upperBound, (bytes[at + 1], bytes[at + 2]) == (0x80, 0x80) { return 3 }
            return 0
        }
        // The label before a colon ("关键词：", "Tags:") is not an item.
        var labelEnd = line.lowerBound
        var scan = line.lowerBound
        while scan < line.upperBound && scan - line.lowerBound <= 30 {
            if bytes[scan] == UInt8(ascii: ":") { labelEnd = scan + 1; break }
            if bytes[scan] == 0xEF, scan + 2 < line.upperBound, (bytes[scan + 1], bytes[scan + 2]) == (0xBC, 0x9A) { labelEnd = scan + 3; break }
            scan += 1
        }
        var punctuationCount = 0
        var blankCount = 0
        var sentenceEnd = false
        var ascii = true
        scan = labelEnd
        while scan < line.upperBound {
            let byte = bytes[scan]
            if punctuationWidth(scan) > 0 { punctuationCount += 1 } else if blankWidth(scan) > 0 { blankCount += 1 }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { sentenceEnd = true }
            if byte >= 0x80 { ascii = false }
            scan += 1
        }
        let hasPunctuation = punctuationCount > 0
        // A line that ends a sentence is prose, not a keyword list.
        var lineEnd = line.upperBound
        while lineEnd > line.lowerBound && (bytes[lineEnd - 1] == 0x20 || bytes[lineEnd - 1] == 0x09 || bytes[lineEnd - 1] == 0x0D) { lineEnd -= 1 }
        if lineEnd > line.lowerBound {
            let byte = bytes[lineEnd - 1]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { return nil }
            if lineEnd - line.lowerBound >= 3 {
                let tail = (bytes[lineEnd - 3], bytes[lineEnd - 2], bytes[lineEnd - 1])
                // 。 ！ ？
                if tail == (0xE3, 0x80, 0x82) || tail == (0xEF, 0xBC, 0x81) || tail == (0xEF, 0xBC, 0x9F) { return nil }
            }
        }
        // Cheap rejections first: too few separators for a run, or an English sentence.
        if hasPunctuation ? punctuationCount + 1 < minimum : blankCount + 1 < minimum { return nil }
        if !hasPunctuation && ascii && (sentenceEnd || blankCount > 16) { return nil }

        var items: [Range<Int>] = []
        var itemStart = labelEnd
        var index = labelEnd
        while index < line.upperBound {
            let width = hasPunctuation ? punctuationWidth(index) : blankWidth(index)
            if width > 0 {
                if index > itemStart { items.append(itemStart..<index) }
                index += width
                itemStart = index
            } else {
                index += 1
            }
        }
        if line.upperBound > itemStart { items.append(itemStart..<line.upperBound) }
        items = items.compactMap { item in
            // Trim blanks and list markers around an item.
            var lower = item.lowerBound, upper = item.upperBound
            while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 || bytes[lower] == UInt8(ascii: "-") || bytes[lower] == UInt8(ascii: "*") { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == UInt8(ascii: ".") { upper -= 1 }
            return lower < upper ? lower..<upper : nil
        }
        guard items.count >= minimum else { return nil }
        // Keyword lists hold short items (at most 24 characters); sentences do not.
        var shortItems = 0
        for item in items {
            var characters = 0
            for position in item where bytes[position] & 0xC0 != 0x80 { characters += 1 }
            if characters <= 24 { shortItems += 1 }
        }
        guard shortItems >= minimum, Double(shortItems) >= Double(items.count) * 0.8 else { return nil }
        // Each item counts a keyword once.
        var keys: [(hash: UInt64, item: Int, range: Range<Int>)] = []
        var itemKeys: [Keyword] = []
        for (number, item) in items.enumerated() {
            itemKeys.removeAll(keepingCapacity: true)
            keywords(bytes, in: item, folded: false, into: &itemKeys)
            // Count each keyword once per item.
            itemKeys.sort { $0.hash < $1.hash }
            var previous: UInt64?
            for key in itemKeys where key.hash != previous {
                keys.append((key.hash, number, key.range))
                previous = key.hash
            }
        }
        keys.sort { ($0.hash, $0.item) < ($1.hash, $1.item) }
        // Candidate keywords: in at least `minimum` items and half the list.
        var candidates: [Range<Int>] = []
        var start = 0
        while start < keys.count {
            var end = start
            while end < keys.count && keys[end].hash == keys[start].hash { end += 1 }
            let count = end - start
            if count >= minimum && Double(count) >= Double(items.count) * 0.5 { candidates.append(start..<end) }
            start = end
        }
        guard !candidates.isEmpty else { return nil }
        // The most widely shared keyword makes the run (店铺装修 装修模板 装修设计 …).
        guard let group = candidates.max(by: { ($0.count, keys[$1.lowerBound].item) < ($1.count, keys[$0.lowerBound].item) }) else { return nil }
        let first = items[keys[group.lowerBound].item]
        let last = items[keys[group.upperBound - 1].item]
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keys[group.lowerBound].range]), as: UTF8.self).lowercased()
        return (first.lowerBound..<last.upperBound, key, group.count)
    }

    private func stacked(_ place: Violation.Place, key: String, count: Int, inTitle: Bool) -> Violation {
        let where_ = inTitle ? "title" : "description"
        let placeZh = inTitle ? "标题" : "描述"
        return Violation(place, message: Message(
            en: "keyword stacking in the \(where_): \"\(key)\" repeated \(count) times; the Article 5 row on duplicate stacked keywords removes the service from sale; name it once and describe the service in sentences",
            zh: "\(placeZh)堆砌关键词：“\(key)”重复\(count)次；违反第五条“标题或详情重复堆砌关键词”，服务将被下架；请只写一次，并用完整句子描述服务"))
    }
}
