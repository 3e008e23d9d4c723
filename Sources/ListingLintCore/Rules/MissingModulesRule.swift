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
    private let synonyms: [String: [String]]
    private let normalizer: Normalizer

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
        var synonyms: [String: [String]] = [:]
        for (key, module) in file.modules {
            let extra = resources.settings.extraHeadings[key] ?? []
            synonyms[key] = (module.synonyms + extra + [module.name.en, module.name.zh]).map { MissingModulesRule.headingKey($0, resources.normalizer) }
        }
        self.synonyms = synonyms
    }

    /// A heading as compared: normalized, numbering ("1.", "一、", "(2)") and punctuation removed.
    static func headingKey(_ heading: String, _ normalizer: Normalizer) -> String {
        let text = normalizer.normalize(heading).string
        var scalars = Array(text.unicodeScalars)
        let numbering = CharacterSet(charactersIn: "0123456789一二三四五六七八九十.、)）(（:：-*#·• ")
        while let first = scalars.first, numbering.contains(first) || first.properties.isEmojiPresentation { scalars.removeFirst() }
        let kept = scalars.filter { $0.properties.isAlphabetic || CharacterSet.decimalDigits.contains($0) || $0 == " " || $0 == "&" }
        let cleaned = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        // "Feature" and "Features" are one heading.
        return cleaned.split(separator: " ").map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && word.allSatisfy(\.isASCII) ? String(word.dropLast()) : String(word)
        }.joined(separator: " ")
    }

    private func satisfies(_ heading: String, _ key: String) -> Bool {
        for synonym in synonyms[key] ?? [] where !synonym.isEmpty {
            if heading == synonym || heading.hasPrefix(synonym) || heading.hasSuffix(synonym) { return true }
            if synonym.unicodeScalars.count >= 2, heading.contains(synonym) {
                // English synonyms must be whole words inside a longer heading.
                if synonym.unicodeScalars.first.map({ CharacterFolding.isHan($0.value) }) == true { return true }
                let words = heading.split(separator: " ").map(String.init)
                let synonymWords = synonym.split(separator: " ").map(String.init)
                if words.count >= synonymWords.count {
                    for start in 0...(words.count - synonymWords.count) where Array(words[start..<(start + synonymWords.count)]) == synonymWords {
                        return true
                    }
                }
            }
        }
        return false
    }

    public func check(_ input: RuleInput) -> [Violation] {
        let listing = input.listing
        let headings = listing.modules.map { MissingModulesRule.headingKey($0.heading, normalizer) }
        let anchor = listing.modules.first?.sourceOffset ?? listing.descriptionOffset
        var violations: [Violation] = []
        for key in required[listing.category] ?? [] {
            if key == "price" && !listing.plans.isEmpty { continue }
            if headings.contains(where: { satisfies($0, key) }) { continue }
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
