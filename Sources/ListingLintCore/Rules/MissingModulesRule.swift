import Foundation

/// Description modules each category must have (功能介绍, 价格, 验收标准 …).
public struct MissingModulesRule: Rule {
    public static let description = RuleDescription(
        id: "missing-modules",
        name: "Missing description modules",
        row: "A5-13",
        article: "Dispute Handling Rules Chapter III, Article 1 of each section (what each category must explain) and Management Specification Article 4 1 c) (content, duration, quality and remuneration described truthfully and completely); Article 5 row \"The detailed description is not perfect, and the corresponding introduction module is missing …\"",
        rationale: "Buyers compare services by the modules the rules require for each category; a missing module is a missing promise, and disputes are then judged against the description.",
        triggers: "A category's required module has no level-2 heading (## …) among its synonyms in Lexicons/module-headings.yml, in Chinese or English. software: function, usage process; operation: service content, service cycle, price, acceptance standards; training: course content, instructor, time, place, price; design: design content, usage method, price, delivery standard; video: shooting content, delivery time, price. A non-empty plans list counts as the price module.",
        fix: "Add a level-2 heading for each missing module (e.g. \"## 价格\" or \"## Pricing\") with its content.",
        lexicons: ["module-headings"],
        triggeringExamples: [
            RuleExample("---\nid: ex\ntitle: 数据工具\ncategory: software\n---\n↓## 功能介绍\n多店铺同步\n"),
            RuleExample("---\nid: ex\ntitle: Product videos\ncategory: video\n---\n↓## What we shoot\nProduct clips.\n## Delivery time\n5 days\n"),
            RuleExample("---\nid: ex\ntitle: 店铺代运营\ncategory: operation\nplans: [{name: 月付, price: 3000, period: month}]\n---\n↓## 服务内容\n全店运营\n## 服务周期\n3个月\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nid: ex\ntitle: 数据工具\ncategory: software\n---\n## 功能介紹\n多店铺同步\n## 使用流程\n授权后即可使用\n"),
            RuleExample("---\nid: ex\ntitle: Photo shoot\ncategory: video\nplans: [{name: Basic, price: 500, period: once}]\n---\n## Shooting content\nProducts\n## Delivery time\n5 days\n"),
            RuleExample("---\nid: ex\ntitle: 课程\ncategory: training\n---\n## 1. 课程大纲\n…\n## 讲师介绍\n…\n## 上课时间\n…\n## 上课地点\n线上\n## 收费标准\n999元\n"),
        ])

    struct Module: Codable, Sendable {
        struct Name: Codable, Sendable { let en: String; let zh: String }
        let name: Name
        let article: String
        let synonyms: [String]
    }

    struct File: Codable, Sendable {
        let source: String
        let modules: [String: Module]
        let categories: [String: [String]]
    }

    private let modules: [String: Module]
    private let required: [ServiceCategory: [String]]
    private let normalizer: Normalizer
    /// Every synonym of every module, found in a heading with one automaton scan.
    private let synonymMatcher: AhoCorasick
    private let synonymOwners: [(module: String, cjk: Bool, wholeHeadingOnly: Bool)]

    public init(resources: RuleResources) throws {
        let file = try resources.lexicons.decode(File.self, from: "module-headings")
        var required: [ServiceCategory: [String]] = [:]
        for (name, keys) in file.categories {
            guard let category = ServiceCategory(rawValue: name) else {
                throw LexiconStore.LoadError(description: "module-headings.yml: unknown category \(name)")
            }
            for key in keys where file.modules[key] == nil {
                throw LexiconStore.LoadError(description: "module-headings.yml: category \(name) requires unknown module \(key)")
            }
            required[category] = keys
        }
        modules = file.modules
        self.required = required
        normalizer = resources.normalizer
        var patterns: [[UInt8]] = []
        var owners: [(module: String, cjk: Bool, wholeHeadingOnly: Bool)] = []
        for (key, module) in file.modules.sorted(by: { $0.key < $1.key }) {
            let extra = resources.settings.extraHeadings[key] ?? []
            for synonym in module.synonyms + extra + [module.name.en, module.name.zh] {
                // "=place": a word that names the module only as the whole heading.
                let wholeHeadingOnly = synonym.hasPrefix("=")
                let bytes = MissingModulesRule.headingKey(wholeHeadingOnly ? String(synonym.dropFirst()) : synonym, resources.normalizer)
                guard !bytes.isEmpty else { continue }
                patterns.append(bytes)
                owners.append((key, bytes[0] >= 0x80, wholeHeadingOnly))
            }
        }
        synonymMatcher = AhoCorasick(patterns: patterns)
        synonymOwners = owners
    }

    /// A heading as compared, in normalized UTF-8: numbering ("1.", "一、", "(2)") and punctuation
    /// removed, English plurals folded ("Features" → "feature").
    static func headingKey(_ heading: String, _ normalizer: Normalizer) -> [UInt8] {
        let bytes = normalizer.normalize(heading).bytes
        var scalars: [UInt32] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let (value, length) = buffer[index] < 0x80 ? (UInt32(buffer[index]), 1) : Normalizer.decode(buffer, at: index)
                scalars.append(value)
                index += length
            }
        }
        var start = 0
        while start < scalars.count && isNumbering(scalars[start]) { start += 1 }
        var kept: [UInt32] = []
        for value in scalars[start...] where isKept(value) { kept.append(value) }
        while kept.last == 0x20 { kept.removeLast() }
        var output: [UInt8] = []
        var wordStart = 0
        func closeWord() {
            // Drop a plural "s" of an ASCII word longer than three letters (not "ss").
            guard wordStart <= output.count else { return }
            let word = output[wordStart...]
            if word.count > 3, word.last == UInt8(ascii: "s"), word.dropLast().last != UInt8(ascii: "s"),
               word.allSatisfy({ $0 < 0x80 && $0 != 0x20 }) {
                output.removeLast()
            }
        }
        for value in kept {
            if value == 0x20 { closeWord(); output.append(0x20); wordStart = output.count; continue }
            if value < 0x80 { output.append(UInt8(value)); continue }
            if value >= 0x2E80 && value <= 0x9FFF || value >= 0xF900 { closeWord(); wordStart = output.count + 3 }
            if value < 0x800 {
                output.append(UInt8(0xC0 | (value >> 6))); output.append(UInt8(0x80 | (value & 0x3F)))
            } else if value < 0x10000 {
                output.append(UInt8(0xE0 | (value >> 12))); output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                output.append(UInt8(0xF0 | (value >> 18))); output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
                output.append(UInt8(0x80 | ((value >> 6) & 0x3F))); output.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        closeWord()
        return output
    }

    private static func isNumbering(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x2E, 0x29, 0x28, 0x3A, 0x2D, 0x2A, 0x23, 0x20, 0xB7, 0x2022, 0x3001, 0xFF08, 0xFF09,
             0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341:
            return true
        default:
            return value >= 0x1F000
        }
    }

    private static func isKept(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || value == 0x20 || value == 0x26
        }
        if (0x3000...0x303F).contains(value) || (0xFF00...0xFF20).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0x2000...0x2BFF).contains(value) || value >= 0x1F000 { return false }
        return true
    }

    /// The modules a heading names: a Chinese synonym anywhere in it, an English one as whole words.
    private func modulesNamed(by key: [UInt8]) -> Set<String> {
        var named = Set<String>()
        for match in synonymMatcher.matches(in: key) {
            let owner = synonymOwners[match.pattern]
            let range = match.range
            let startsWord = range.lowerBound == 0 || key[range.lowerBound - 1] == 0x20
            let endsWord = range.upperBound == key.count || key[range.upperBound] == 0x20
            // Chinese synonyms count anywhere in the heading; English ones as whole words only
            // ("Featured stores" is not "Features").
            if owner.wholeHeadingOnly {
                if range == 0..<key.count { named.insert(owner.module) }
            } else if owner.cjk || (startsWord && endsWord) {
                named.insert(owner.module)
            }
        }
        return named
    }

    public func check(_ input: RuleInput) -> [Violation] {
        let listing = input.listing
        var present = Set<String>()
        for module in listing.modules { present.formUnion(modulesNamed(by: MissingModulesRule.headingKey(module.heading, normalizer))) }
        let anchor = listing.modules.first?.sourceOffset ?? listing.descriptionOffset
        var violations: [Violation] = []
        for key in required[listing.category] ?? [] {
            if key == "price" && !listing.plans.isEmpty { continue }
            if present.contains(key) { continue }
            guard let module = modules[key] else { continue }
            violations.append(Violation(
                .source(field: "description", range: anchor..<anchor),
                message: Message(
                    en: "missing description module \"\(module.name.en)\" (\(key)) for a \(listing.category.rawValue) listing: \(module.article) requires it; add a \"## \(module.name.en)\" section",
                    zh: "缺少描述模块“\(module.name.zh)”（\(key)），\(listing.category.rawValue)类目必须包含：\(module.article)；请添加“## \(module.name.zh)”一节"),
                subject: key))
        }
        return violations
    }
}
