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
        ])

    struct File: Codable, Sendable {
        let source: String
        let stopwords: Stopwords
        struct Stopwords: Codable, Sendable { let en: [String]; let zh_chars: [String] }
    }

    private let stopwords: Set<String>
    private let normalizer: Normalizer
    private let functionCharacters: Set<UInt32>

    public init(resources: RuleResources) throws {
        let file = try resources.lexicons.decode(File.self, from: "stacking")
        normalizer = resources.normalizer
        stopwords = Set(file.stopwords.en.map { $0.lowercased() })
        functionCharacters = Set(file.stopwords.zh_chars.compactMap { $0.unicodeScalars.first?.value })
    }

    /// A keyword occurrence: its normalized form and byte range.
    struct Occurrence {
        let key: String
        let range: Range<Int>
    }

    /// English words and CJK bigrams of a stretch of normalized text.
    private func keywords(_ bytes: [UInt8], in span: Range<Int>) -> [Occurrence] {
        var result: [Occurrence] = []
        var scalars: [(value: UInt32, range: Range<Int>)] = []
        var index = span.lowerBound
        bytes.withUnsafeBufferPointer { buffer in
            while index < span.upperBound {
                let (value, length) = buffer[index] < 0x80 ? (UInt32(buffer[index]), 1) : Normalizer.decode(buffer, at: index)
                scalars.append((value, index..<(index + length)))
                index += length
            }
        }
        var position = 0
        while position < scalars.count {
            let value = scalars[position].value
            if Normalizer.isWordCharacter(value) {
                let start = position
                while position < scalars.count && Normalizer.isWordCharacter(scalars[position].value) { position += 1 }
                let range = scalars[start].range.lowerBound..<scalars[position - 1].range.upperBound
                var word = String(decoding: bytes[range], as: UTF8.self)
                if word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") { word.removeLast() }
                if !stopwords.contains(word) && word.count >= 2 && !word.allSatisfy(\.isNumber) {
                    result.append(Occurrence(key: word, range: range))
                }
                continue
            }
            if Normalizer.isCJK(value), position + 1 < scalars.count, Normalizer.isCJK(scalars[position + 1].value),
               !functionCharacters.contains(value), !functionCharacters.contains(scalars[position + 1].value) {
                let range = scalars[position].range.lowerBound..<scalars[position + 1].range.upperBound
                result.append(Occurrence(key: String(decoding: bytes[range], as: UTF8.self), range: range))
            }
            position += 1
        }
        return result
    }

    /// The most repeated keyword (non-overlapping occurrences), with its occurrences.
    private func mostRepeated(_ occurrences: [Occurrence]) -> [Occurrence] {
        var byKey: [String: [Occurrence]] = [:]
        for occurrence in occurrences {
            if let last = byKey[occurrence.key]?.last, last.range.overlaps(occurrence.range) { continue }
            byKey[occurrence.key, default: []].append(occurrence)
        }
        return byKey.values.max { ($0.count, $1.first?.range.lowerBound ?? 0) < ($1.count, $0.first?.range.lowerBound ?? 0) } ?? []
    }

    public func check(_ input: RuleInput) -> [Violation] {
        var violations: [Violation] = []
        let settings = input.settings
        for (fieldIndex, field) in input.fields.enumerated() {
            if field.field.name == "title" {
                let bytes = field.normalized.bytes
                let repeated = mostRepeated(keywords(bytes, in: 0..<bytes.count))
                if repeated.count >= settings.stackingTitleRepeats, let first = repeated.first {
                    // The whole title is the stacked run.
                    violations.append(stacked(.normalized(field: fieldIndex, range: 0..<bytes.count), key: first.key, count: repeated.count, inTitle: true))
                }
            } else if field.field.name == "description" {
                // Separators between keywords matter here, so lines are read raw (normalization
                // joins Chinese words split by blanks) and each item is normalized on its own.
                let raw = Array(field.field.text.utf8)
                var start = 0
                while start <= raw.count {
                    let end = raw[start...].firstIndex(of: 0x0A) ?? raw.count
                    if let run = keywordRun(raw, line: start..<end, minimum: settings.stackingRunLength) {
                        let range = field.field.sourceOffset(of: run.range.lowerBound)..<field.field.sourceOffset(of: run.range.upperBound)
                        violations.append(stacked(.source(field: field.field.name, range: range), key: run.key, count: run.count, inTitle: false))
                    }
                    start = end + 1
                }
            }
        }
        return violations
    }

    /// A line that is a list of short keywords, most of them sharing one keyword.
    private func keywordRun(_ bytes: [UInt8], line: Range<Int>, minimum: Int) -> (range: Range<Int>, key: String, count: Int)? {
        var items: [Range<Int>] = []
        var itemStart = line.lowerBound
        var index = line.lowerBound
        // Items are split by list punctuation when the line has any, else by blanks, so
        // "seo tool, SEO optimizer" keeps its two-word items.
        func punctuationWidth(_ at: Int) -> Int {
            switch bytes[at] {
            case UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: ":"): return 1
            default: break
            }
            // 、 ， ； ： ｜
            if at + 2 < line.upperBound {
                let triple = (bytes[at], bytes[at + 1], bytes[at + 2])
                if triple == (0xE3, 0x80, 0x81) || triple == (0xEF, 0xBC, 0x8C) || triple == (0xEF, 0xBC, 0x9B)
                    || triple == (0xEF, 0xBC, 0x9A) || triple == (0xEF, 0xBD, 0x9C) { return 3 }
            }
            return 0
        }
        func blankWidth(_ at: Int) -> Int {
            if bytes[at] == 0x20 || bytes[at] == 0x09 { return 1 }
            if at + 2 < line.upperBound, (bytes[at], bytes[at + 1], bytes[at + 2]) == (0xE3, 0x80, 0x80) { return 3 }
            return 0
        }
        // The label before a colon ("关键词：", "Tags:") is not an item.
        var labelEnd = line.lowerBound
        var scan = line.lowerBound
        while scan < line.upperBound && scan - line.lowerBound <= 30 {
            if bytes[scan] == UInt8(ascii: ":") { labelEnd = scan + 1; break }
            if scan + 2 < line.upperBound, (bytes[scan], bytes[scan + 1], bytes[scan + 2]) == (0xEF, 0xBC, 0x9A) { labelEnd = scan + 3; break }
            scan += 1
        }
        var hasPunctuation = false
        scan = labelEnd
        while scan < line.upperBound {
            if punctuationWidth(scan) > 0 { hasPunctuation = true; break }
            scan += 1
        }
        itemStart = labelEnd
        index = labelEnd
        let separatorWidth: (Int) -> Int = { at in
            if hasPunctuation { return punctuationWidth(at) }
            return blankWidth(at)
        }
        var separatorCount = 0
        while index < line.upperBound {
            let width = separatorWidth(index)
            if width > 0 {
                if index > itemStart { items.append(itemStart..<index) }
                separatorCount += 1
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
            while lower < upper, [0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: "*")].contains(bytes[lower]) { lower += 1 }
            while upper > lower, [0x20, 0x09, UInt8(ascii: ".")].contains(bytes[upper - 1]) { upper -= 1 }
            return lower < upper ? lower..<upper : nil
        }
        guard separatorCount + 1 >= minimum, items.count >= minimum else { return nil }
        // Keyword lists hold short items; sentences do not.
        let lengths = items.map { String(decoding: bytes[$0], as: UTF8.self).count }
        let shortItems = lengths.filter { $0 <= 24 }.count
        guard shortItems >= minimum, Double(shortItems) >= Double(items.count) * 0.8 else { return nil }
        var itemsByKey: [String: [Range<Int>]] = [:]
        for item in items {
            let normalized = normalizer.normalize(String(decoding: bytes[item], as: UTF8.self)).bytes
            for key in Set(keywords(normalized, in: 0..<normalized.count).map(\.key)) {
                itemsByKey[key, default: []].append(item)
            }
        }
        guard let best = itemsByKey.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }),
              best.value.count >= minimum,
              Double(best.value.count) >= Double(items.count) * 0.5,
              let first = best.value.first, let last = best.value.last
        else { return nil }
        return (first.lowerBound..<last.upperBound, best.key, best.value.count)
    }

    private func stacked(_ place: Violation.Place, key: String, count: Int, inTitle: Bool) -> Violation {
        let where_ = inTitle ? "title" : "description"
        let placeZh = inTitle ? "标题" : "描述"
        return Violation(place, message: Message(
            en: "keyword stacking in the \(where_): \"\(key)\" repeated \(count) times; the Article 5 row on duplicate stacked keywords removes the service from sale; name it once and describe the service in sentences",
            zh: "\(placeZh)堆砌关键词：“\(key)”重复\(count)次；违反第五条“标题或详情重复堆砌关键词”，服务将被下架；请只写一次，并用完整句子描述服务"))
    }
}
