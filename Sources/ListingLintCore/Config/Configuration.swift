import Foundation
import Yams

/// A problem with a `.listing-lint.yml`: where it is and which key. A typo must never silently
/// switch a rule off, so unknown keys, unknown rules and wrong types are all errors.
/// A configuration problem is reported like any input problem: file, line and what is wrong.
public typealias ConfigurationError = InputError

/// One layer of rule options: a file's `rules:` section, or an override's. Unset values leave
/// what is below them (the parent configuration, the defaults) as it is.
public struct RuleOptions: Sendable, Hashable {
    /// Rule id → on/off (`keyword-stacking: false` or `{enabled: false}`).
    public var enabled: [String: Bool] = [:]
    public var erpMonthlyFloor: Double?
    /// Currency code (uppercase) → CNY per unit; merged over the default rates.
    public var exchangeRates: [String: Double] = [:]
    /// Rule id → terms; a rule's list replaces the list below it.
    public var extraTerms: [String: [String]] = [:]
    public var allowedTerms: [String: [String]] = [:]
    /// Module key → extra heading synonyms; a module's list replaces the list below it.
    public var extraHeadings: [String: [String]] = [:]
    public var stackingTitleRepeats: Int?
    public var stackingRunLength: Int?

    public init() {}

    public var isEmpty: Bool { self == RuleOptions() }

    /// `child` over `self`: maps merge key by key, lists and scalars replace.
    public func merged(with child: RuleOptions) -> RuleOptions {
        var result = self
        result.enabled.merge(child.enabled) { _, new in new }
        result.erpMonthlyFloor = child.erpMonthlyFloor ?? erpMonthlyFloor
        result.exchangeRates.merge(child.exchangeRates) { _, new in new }
        result.extraTerms.merge(child.extraTerms) { _, new in new }
        result.allowedTerms.merge(child.allowedTerms) { _, new in new }
        result.extraHeadings.merge(child.extraHeadings) { _, new in new }
        result.stackingTitleRepeats = child.stackingTitleRepeats ?? stackingTitleRepeats
        result.stackingRunLength = child.stackingRunLength ?? stackingRunLength
        return result
    }

    /// Applies this layer to effective settings.
    public func apply(disabledRules: inout Set<String>, settings: inout RuleSettings) {
        for (rule, on) in enabled {
            if on { disabledRules.remove(rule) } else { disabledRules.insert(rule) }
        }
        if let erpMonthlyFloor { settings.erpMonthlyFloor = erpMonthlyFloor }
        settings.exchangeRates.merge(exchangeRates) { _, new in new }
        // An empty list is no list: settings that mean the same are equal (engines are keyed by them).
        RuleOptions.replaceLists(&settings.extraTerms, with: extraTerms)
        RuleOptions.replaceLists(&settings.allowedTerms, with: allowedTerms)
        RuleOptions.replaceLists(&settings.extraHeadings, with: extraHeadings)
        if let stackingTitleRepeats { settings.stackingTitleRepeats = stackingTitleRepeats }
        if let stackingRunLength { settings.stackingRunLength = stackingRunLength }
    }

    static func replaceLists(_ target: inout [String: [String]], with lists: [String: [String]]) {
        for (key, list) in lists {
            if list.isEmpty { target.removeValue(forKey: key) } else { target[key] = list }
        }
    }
}

/// A glob with the directory it is relative to (the configuration file that wrote it).
public struct ScopedGlob: Sendable, Hashable, CustomStringConvertible {
    public let glob: Glob
    /// Absolute, standardized directory the pattern is relative to.
    public let base: String

    public init(glob: Glob, base: String) {
        self.glob = glob
        self.base = Configuration.absolute(base)
    }

    public var description: String { glob.pattern }

    /// Whether an absolute, standardized path matches (paths outside `base` never do).
    public func matches(absolutePath path: String) -> Bool {
        guard let relative = Configuration.relativePath(path, to: base) else { return false }
        return glob.matches(relative)
    }
}

/// `overrides:` entry: rule options for the paths its globs match.
public struct ConfigurationOverride: Sendable, Hashable {
    public let paths: [ScopedGlob]
    public let rules: RuleOptions
    /// Where it was written (for `config --print`).
    public let file: String
    public let line: Int

    public func matches(absolutePath path: String) -> Bool {
        paths.contains { $0.matches(absolutePath: path) }
    }
}

/// The contents of `.listing-lint.yml` (and its `parent_config` chain), merged.
///
/// ```yaml
/// parent_config: ../base.listing-lint.yml
/// rules:
///   keyword-stacking: false
///   absolute-terms: {enabled: true, extra_terms: [顶尖], allowed_terms: [最好是]}
///   erp-price-floor: {monthly_floor: 30, exchange_rates: {USD: 7.1}}
///   missing-modules: {extra_headings: {price: [费用一览]}}
/// authorized_brands:
///   杭州示例科技: [Taobao, 天猫]
/// included: ["listings/**"]
/// excluded: ["listings/drafts/**"]
/// overrides:
///   - paths: ["legacy/**/*.md"]
///     rules: {keyword-stacking: false}
/// ```
///
/// A child merges over its parent: maps merge key by key, lists (`extra_terms`, `included`,
/// `overrides` …) replace. Globs stay relative to the file that wrote them.
public struct Configuration: Sendable, Hashable {
    public static let fileName = ".listing-lint.yml"

    /// The top-level `rules:` section, merged down the parent chain.
    public var rules = RuleOptions()
    /// Provider name → brands it may name.
    public var authorizedBrands: [String: [String]] = [:]
    /// Paths to lint (none: everything) and paths not to lint (wins over `included`).
    public var included: [ScopedGlob] = []
    public var excluded: [ScopedGlob] = []
    /// Applied in order over the top-level rules for the paths they match (later wins).
    public var overrides: [ConfigurationOverride] = []
    /// The files this configuration came from, in merge order: the root parent first, the file
    /// that was loaded or discovered last. Empty for the built-in defaults.
    public var sourceFiles: [String] = []
    /// Absolute directory of the file that was loaded or discovered (the last source file).
    public var directory: String

    /// The built-in defaults (every rule on, documented settings).
    public init(directory: String = FileManager.default.currentDirectoryPath) {
        self.directory = Configuration.absolute(directory)
    }

    // MARK: - Schema

    public static let topLevelKeys = ["parent_config", "rules", "authorized_brands", "included", "excluded", "overrides"]

    /// Options each rule takes besides `enabled`. A rule of `RuleRegistry.all` missing here can
    /// still be switched on and off.
    public static let ruleOptions: [String: [String]] = [
        "absolute-terms": ["extra_terms", "allowed_terms"],
        "off-platform-chat": ["extra_terms", "allowed_terms"],
        "keyword-stacking": ["title_repeats", "run_length"],
        "missing-modules": ["extra_headings"],
        "erp-price-floor": ["monthly_floor", "exchange_rates"],
    ]

    /// Module keys of `Lexicons/module-headings.yml` (a test keeps the two in step).
    public static let moduleKeys: [String] = [
        "function", "usage", "content", "cycle", "price", "acceptance", "course", "instructor", "time", "place",
        "design", "delivery-standard", "shooting", "delivery-time",
    ]

    public static var knownRuleIds: [String] { RuleRegistry.all.map { $0.description.id } }

    static func options(of rule: String) -> [String] { ["enabled"] + (ruleOptions[rule] ?? []) }

    // MARK: - Effective values

    /// Rules switched off by the top-level section.
    public var disabledRules: Set<String> { effectiveValues(overrides: []).disabledRules }

    /// Settings of the top-level section (no override applied).
    public var settings: RuleSettings { effectiveValues(overrides: []).settings }

    private func effectiveValues(overrides applied: [ConfigurationOverride]) -> (disabledRules: Set<String>, settings: RuleSettings) {
        var disabled = Set<String>()
        var settings = RuleSettings()
        rules.apply(disabledRules: &disabled, settings: &settings)
        settings.authorizedBrands = authorizedBrands.filter { !$0.value.isEmpty }
        for override in applied {
            override.rules.apply(disabledRules: &disabled, settings: &settings)
        }
        return (disabled, settings)
    }

    /// The overrides whose globs match `filePath` (relative paths are taken from the working directory).
    public func matchingOverrides(for filePath: String) -> [ConfigurationOverride] {
        let path = Configuration.absolute(filePath)
        return overrides.filter { $0.matches(absolutePath: path) }
    }

    /// Disabled rules and settings for one file: the top-level rules, then every override whose
    /// globs match the path (relative to the directory of the file that wrote the override).
    public func effective(for filePath: String) -> (disabledRules: Set<String>, settings: RuleSettings) {
        effectiveValues(overrides: matchingOverrides(for: filePath))
    }

    /// Whether `path` is to be linted: inside `included` (when given) and outside `excluded`.
    public func isIncluded(_ path: String) -> Bool {
        let absolute = Configuration.absolute(path)
        if !included.isEmpty && !included.contains(where: { $0.matches(absolutePath: absolute) }) { return false }
        return !excluded.contains { $0.matches(absolutePath: absolute) }
    }

    // MARK: - Loading

    /// Reads a configuration file and its `parent_config` chain (each parent relative to the file
    /// that names it). Errors name the file, the line and the key.
    public static func load(path: String) throws -> Configuration {
        try load(path: path, chain: [])
    }

    private static func load(path: String, chain: [String]) throws -> Configuration {
        let absolutePath = absolute(path)
        let layer = try ConfigurationLayer.parse(path: path)
        var configuration: Configuration
        if let parent = layer.parent {
            let parentPath = parent.path.hasPrefix("/")
                ? parent.path
                : ((absolutePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(parent.path)
            let parentAbsolute = absolute(parentPath)
            let visited = chain + [absolutePath]
            if visited.contains(parentAbsolute) {
                let cycle = (visited.drop { $0 != parentAbsolute } + [parentAbsolute]).joined(separator: " → ")
                throw ConfigurationError(file: path, line: parent.line, message: "parent_config makes a cycle: \(cycle)")
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parentAbsolute, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw ConfigurationError(file: path, line: parent.line, message: "parent_config '\(parent.path)' does not exist (looked for \(parentAbsolute))")
            }
            configuration = try load(path: parentAbsolute, chain: visited)
        } else {
            configuration = Configuration()
        }
        configuration.rules = configuration.rules.merged(with: layer.rules)
        configuration.authorizedBrands.merge(layer.authorizedBrands) { _, new in new }
        if let included = layer.included { configuration.included = included }
        if let excluded = layer.excluded { configuration.excluded = excluded }
        if let overrides = layer.overrides { configuration.overrides = overrides }
        configuration.sourceFiles.append(path)
        configuration.directory = (absolutePath as NSString).deletingLastPathComponent
        return configuration
    }

    /// The nearest `.listing-lint.yml` from the file's directory up to the filesystem root, loaded;
    /// nil when there is none.
    public static func discover(for filePath: String) throws -> Configuration? {
        try ConfigurationResolver().configuration(for: filePath)
    }

    // MARK: - Paths

    /// Absolute and standardized (`.`, `..` and double slashes resolved, symbolic links kept).
    public static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        var parts: [Substring] = []
        for part in base.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `directory` (both absolute and standardized), or nil when it is not below it.
    static func relativePath(_ path: String, to directory: String) -> String? {
        if directory == "/" { return String(path.dropFirst()) }
        if path == directory { return "" }
        guard path.hasPrefix(directory + "/") else { return nil }
        return String(path.dropFirst(directory.count + 1))
    }
}

// MARK: - Resolver

/// Finds the configuration of each linted file: the `--config` file when given, otherwise the
/// nearest `.listing-lint.yml` walking up from the file's directory. Directory lookups and loaded
/// files are cached, so linting a thousand files of one folder reads its configuration once.
/// Safe to share between threads.
public final class ConfigurationResolver: @unchecked Sendable {
    public let explicitPath: String?
    private let lock = NSLock()
    /// Directory → the configuration file found for it (nil: none up to the root).
    private var nearest: [String: String?] = [:]
    private var loaded: [String: Result<Configuration, ConfigurationError>] = [:]

    public init(explicitPath: String? = nil) {
        self.explicitPath = explicitPath
    }

    /// The configuration file that governs `filePath`, if any.
    public func configurationPath(for filePath: String) -> String? {
        if let explicitPath { return explicitPath }
        var directory = (Configuration.absolute(filePath) as NSString).deletingLastPathComponent
        var visited: [String] = []
        var found: String?
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let cached = nearest[directory] {
                found = cached
                break
            }
            visited.append(directory)
            let candidate = (directory as NSString).appendingPathComponent(Configuration.fileName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                found = candidate
                break
            }
            if directory == "/" || directory.isEmpty { break }
            directory = (directory as NSString).deletingLastPathComponent
        }
        for folder in visited { nearest[folder] = found }
        return found
    }

    /// The configuration for `filePath` (nil when no file governs it). Throws the configuration's
    /// error, every time it is asked (the error is cached too).
    public func configuration(for filePath: String) throws -> Configuration? {
        guard let path = configurationPath(for: filePath) else { return nil }
        lock.lock()
        let cached = loaded[path]
        lock.unlock()
        if let cached { return try cached.get() }
        let result: Result<Configuration, ConfigurationError>
        do {
            result = .success(try Configuration.load(path: path))
        } catch let error as ConfigurationError {
            result = .failure(error)
        } catch {
            result = .failure(ConfigurationError(file: path, line: nil, message: "\(error)"))
        }
        lock.lock()
        loaded[path] = result
        lock.unlock()
        return try result.get()
    }

    /// Disabled rules and settings for `filePath`; the defaults when no configuration governs it.
    public func effective(for filePath: String) throws -> (disabledRules: Set<String>, settings: RuleSettings) {
        guard let configuration = try configuration(for: filePath) else { return ([], RuleSettings()) }
        return configuration.effective(for: filePath)
    }

    /// Whether `filePath` is to be linted under its configuration (true when none governs it).
    public func isIncluded(_ filePath: String) throws -> Bool {
        try configuration(for: filePath)?.isIncluded(filePath) ?? true
    }
}

// MARK: - Parsing one file

/// What one file says, before it is merged over its parent.
struct ConfigurationLayer {
    var parent: (path: String, line: Int?)?
    var rules = RuleOptions()
    var authorizedBrands: [String: [String]] = [:]
    var included: [ScopedGlob]?
    var excluded: [ScopedGlob]?
    var overrides: [ConfigurationOverride]?

    static func parse(path: String) throws -> ConfigurationLayer {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigurationError(file: path, line: nil, message: "no such configuration file")
        }
        guard !isDirectory.boolValue else {
            throw ConfigurationError(file: path, line: nil, message: "is a directory, not a configuration file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: nil, message: "cannot read the configuration file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, message: "the configuration file is not UTF-8")
        }
        let base = (Configuration.absolute(path) as NSString).deletingLastPathComponent
        return try ConfigurationLayerParser(file: path, base: base).parse(text)
    }
}

private struct ConfigurationLayerParser {
    let file: String
    let base: String

    func error(_ node: Node?, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node?.mark?.line, message: message)
    }

    func parse(_ text: String) throws -> ConfigurationLayer {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let yamlError as YamlError {
            throw translate(yamlError)
        } catch {
            throw ConfigurationError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        var layer = ConfigurationLayer()
        guard let root else { return layer }  // an empty file: the defaults (or the parent)
        if case .scalar(let scalar) = root, tagName(root) == .null || scalar.string.isEmpty { return layer }
        let top = try mapping(root, "the configuration")
        for (keyNode, value) in top {
            let key = try keyName(keyNode, "the configuration")
            switch key {
            case "parent_config":
                let text = try string(value, "parent_config")
                guard !text.isEmpty else { throw error(value, "parent_config must name a file") }
                layer.parent = (text, keyNode.mark?.line)
            case "rules":
                layer.rules = try ruleOptions(value, path: "rules")
            case "authorized_brands":
                for (providerNode, brands) in try mapping(value, "authorized_brands") {
                    let provider = try keyName(providerNode, "authorized_brands")
                    layer.authorizedBrands[provider] = try stringList(brands, "authorized_brands.\(provider)")
                }
            case "included":
                layer.included = try globs(value, "included")
            case "excluded":
                layer.excluded = try globs(value, "excluded")
            case "overrides":
                layer.overrides = try overrides(value)
            default:
                throw unknownKey(keyNode, key, under: nil, known: Configuration.topLevelKeys)
            }
        }
        return layer
    }

    private func translate(_ yamlError: YamlError) -> ConfigurationError {
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigurationError(file: file, line: context.mark.line, message: "key \(keys) appears twice in one mapping (write each key once)")
        case .reader(let problem, _, _, _):
            return ConfigurationError(file: file, line: nil, message: "cannot read the YAML: \(problem)")
        default:
            return ConfigurationError(file: file, line: nil, message: "not valid YAML: \(yamlError)")
        }
    }

    // MARK: Sections

    private func ruleOptions(_ node: Node, path: String) throws -> RuleOptions {
        var options = RuleOptions()
        let known = Configuration.knownRuleIds
        for (ruleNode, value) in try mapping(node, path) {
            let rule = try keyName(ruleNode, path)
            guard known.contains(rule) else {
                throw error(ruleNode, "unknown rule '\(rule)' under \(path) (known: \(known.joined(separator: ", ")))\(suggestion(rule, known))")
            }
            let rulePath = "\(path).\(rule)"
            if case .scalar = value, tagName(value) == .bool, let flag = value.bool {
                options.enabled[rule] = flag
                continue
            }
            guard case .mapping(let members) = value else {
                throw error(value, "\(rulePath) must be true, false or a mapping of options (\(Configuration.options(of: rule).joined(separator: ", "))), not \(describe(value))")
            }
            let allowed = Configuration.options(of: rule)
            for (optionNode, optionValue) in members {
                let option = try keyName(optionNode, rulePath)
                guard allowed.contains(option) else {
                    throw unknownKey(optionNode, option, under: rulePath, known: allowed)
                }
                let optionPath = "\(rulePath).\(option)"
                switch option {
                case "enabled":
                    options.enabled[rule] = try bool(optionValue, optionPath)
                case "extra_terms":
                    options.extraTerms[rule] = try stringList(optionValue, optionPath)
                case "allowed_terms":
                    options.allowedTerms[rule] = try stringList(optionValue, optionPath)
                case "monthly_floor":
                    let floor = try number(optionValue, optionPath)
                    guard floor >= 0 else { throw error(optionValue, "\(optionPath) must be a number ≥ 0 (CNY per month), not \(describe(optionValue))") }
                    options.erpMonthlyFloor = floor
                case "exchange_rates":
                    for (currencyNode, rateNode) in try mapping(optionValue, optionPath) {
                        let currency = try keyName(currencyNode, optionPath)
                        guard !currency.isEmpty, currency.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) else {
                            throw error(currencyNode, "\(optionPath): '\(currency)' is not a currency code (letters, such as USD)")
                        }
                        let ratePath = "\(optionPath).\(currency)"
                        let rate = try number(rateNode, ratePath)
                        guard rate > 0 else { throw error(rateNode, "\(ratePath) must be a number > 0 (CNY per unit), not \(describe(rateNode))") }
                        options.exchangeRates[currency.uppercased()] = rate
                    }
                case "extra_headings":
                    for (moduleNode, headings) in try mapping(optionValue, optionPath) {
                        let module = try keyName(moduleNode, optionPath)
                        guard Configuration.moduleKeys.contains(module) else {
                            throw error(moduleNode, "unknown module '\(module)' under \(optionPath) (known: \(Configuration.moduleKeys.joined(separator: ", ")))\(suggestion(module, Configuration.moduleKeys))")
                        }
                        options.extraHeadings[module] = try stringList(headings, "\(optionPath).\(module)")
                    }
                case "title_repeats":
                    options.stackingTitleRepeats = try count(optionValue, optionPath)
                case "run_length":
                    options.stackingRunLength = try count(optionValue, optionPath)
                default:
                    throw unknownKey(optionNode, option, under: rulePath, known: allowed)
                }
            }
        }
        return options
    }

    private func globs(_ node: Node, _ path: String) throws -> [ScopedGlob] {
        guard case .sequence(let items) = node else {
            throw error(node, "\(path) must be a list of path globs such as [\"listings/**\"], not \(describe(node))")
        }
        return try items.enumerated().map { index, item in
            let pattern = try string(item, "\(path)[\(index)]")
            do {
                return ScopedGlob(glob: try Glob(pattern), base: base)
            } catch let syntax as Glob.SyntaxError {
                throw error(item, "\(path)[\(index)]: \(syntax.description)")
            }
        }
    }

    private func overrides(_ node: Node) throws -> [ConfigurationOverride] {
        guard case .sequence(let items) = node else {
            throw error(node, "overrides must be a list of {paths, rules} entries, not \(describe(node))")
        }
        return try items.enumerated().map { index, item in
            let path = "overrides[\(index)]"
            guard case .mapping(let members) = item else {
                throw error(item, "\(path) must be a mapping with paths and rules, not \(describe(item))")
            }
            var paths: [ScopedGlob]?
            var rules: RuleOptions?
            for (keyNode, value) in members {
                let key = try keyName(keyNode, path)
                switch key {
                case "paths": paths = try globs(value, "\(path).paths")
                case "rules": rules = try ruleOptions(value, path: "\(path).rules")
                default: throw unknownKey(keyNode, key, under: path, known: ["paths", "rules"])
                }
            }
            guard let paths, !paths.isEmpty else { throw error(item, "\(path) needs paths: a list of globs it applies to") }
            guard let rules else { throw error(item, "\(path) needs rules: the rule options it sets") }
            return ConfigurationOverride(paths: paths, rules: rules, file: file, line: item.mark?.line ?? 0)
        }
    }

    // MARK: Typed values

    /// The node's tag: its explicit one, `str` when quoted, else resolved from the plain text.
    private func tagName(_ node: Node) -> Tag.Name { Resolver.default.resolveTag(of: node) }

    private func mapping(_ node: Node, _ path: String) throws -> Node.Mapping {
        guard case .mapping(let members) = node else {
            throw error(node, "\(path) must be a mapping (key: value), not \(describe(node))")
        }
        return members
    }

    private func keyName(_ node: Node, _ path: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, "a key under \(path) must be text, not \(describe(node))")
        }
        return scalar.string
    }

    private func string(_ node: Node, _ path: String) throws -> String {
        guard case .scalar(let scalar) = node, tagName(node) != .null else {
            throw error(node, "\(path) must be text, not \(describe(node))")
        }
        return scalar.string
    }

    private func stringList(_ node: Node, _ path: String) throws -> [String] {
        guard case .sequence(let items) = node else {
            throw error(node, "\(path) must be a list of text such as [word, other word], not \(describe(node))")
        }
        return try items.enumerated().map { index, item in
            let text = try string(item, "\(path)[\(index)]")
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(item, "\(path)[\(index)] is empty") }
            return text
        }
    }

    private func bool(_ node: Node, _ path: String) throws -> Bool {
        guard case .scalar = node, tagName(node) == .bool, let flag = node.bool else {
            throw error(node, "\(path) must be true or false, not \(describe(node))")
        }
        return flag
    }

    private func number(_ node: Node, _ path: String) throws -> Double {
        guard case .scalar = node, tagName(node) == .int || tagName(node) == .float,
              let value = tagName(node) == .int ? node.int.map(Double.init) : node.float, value.isFinite else {
            throw error(node, "\(path) must be a number, not \(describe(node))")
        }
        return value
    }

    private func count(_ node: Node, _ path: String) throws -> Int {
        guard case .scalar = node, tagName(node) == .int, let value = node.int else {
            throw error(node, "\(path) must be a whole number, not \(describe(node))")
        }
        guard value >= 2 else { throw error(node, "\(path) must be at least 2, not \(value)") }
        return value
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch tagName(node) {
            case .null: return "nothing (null)"
            case .bool: return "true/false"
            case .int, .float: return "the number \(scalar.string)"
            default: return "text '\(scalar.string)'"
            }
        }
    }

    private func unknownKey(_ node: Node, _ key: String, under path: String?, known: [String]) -> ConfigurationError {
        let place = path.map { " under \($0)" } ?? " at the top level"
        return error(node, "unknown key '\(key)'\(place) (known: \(known.joined(separator: ", ")))\(suggestion(key, known))")
    }

    /// "; did you mean 'x'?" for a near miss (edit distance ≤ 2), else nothing.
    private func suggestion(_ word: String, _ candidates: [String]) -> String {
        let scored = candidates.map { ($0, editDistance(Array(word), Array($0))) }.filter { $0.1 <= 2 }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return "" }
        return "; did you mean '\(best.0)'?"
    }

    private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

// MARK: - Rendering

extension Configuration {
    /// The effective configuration as YAML, for `config --print`: every rule with its state and
    /// options (defaults included), the brands, paths and overrides, and the files it came from.
    /// With a path, the overrides that match it are applied and named.
    public func render(for filePath: String? = nil) -> String {
        let applied = filePath.map { matchingOverrides(for: $0) } ?? []
        let (disabled, settings) = effectiveValues(overrides: applied)
        var out = "# listing-lint effective configuration\n"
        if sourceFiles.isEmpty {
            out += "# from: built-in defaults (no .listing-lint.yml)\n"
        } else {
            out += "# from: \(sourceFiles.joined(separator: " < "))  (later files override earlier ones)\n"
        }
        if let filePath {
            out += "# for: \(filePath)\n"
            if !applied.isEmpty {
                out += "# overrides applied: \(applied.map { "\($0.file):\($0.line) \($0.paths.map(\.glob.pattern).joined(separator: ", "))" }.joined(separator: "; "))\n"
            }
        }
        out += "rules:\n"
        for rule in Configuration.knownRuleIds {
            out += "  \(rule):\n"
            out += "    enabled: \(!disabled.contains(rule))\n"
            for option in Configuration.ruleOptions[rule] ?? [] {
                switch option {
                case "extra_terms": out += "    extra_terms: \(YAMLText.list(settings.extraTerms[rule] ?? []))\n"
                case "allowed_terms": out += "    allowed_terms: \(YAMLText.list(settings.allowedTerms[rule] ?? []))\n"
                case "monthly_floor": out += "    monthly_floor: \(YAMLText.number(settings.erpMonthlyFloor))\n"
                case "exchange_rates":
                    out += "    exchange_rates:\n"
                    for (currency, rate) in settings.exchangeRates.sorted(by: { $0.key < $1.key }) {
                        out += "      \(YAMLText.scalar(currency)): \(YAMLText.number(rate))\n"
                    }
                case "extra_headings":
                    if settings.extraHeadings.isEmpty {
                        out += "    extra_headings: {}\n"
                    } else {
                        out += "    extra_headings:\n"
                        for (module, headings) in settings.extraHeadings.sorted(by: { $0.key < $1.key }) {
                            out += "      \(YAMLText.scalar(module)): \(YAMLText.list(headings))\n"
                        }
                    }
                case "title_repeats": out += "    title_repeats: \(settings.stackingTitleRepeats)\n"
                case "run_length": out += "    run_length: \(settings.stackingRunLength)\n"
                default: break
                }
            }
        }
        if settings.authorizedBrands.isEmpty {
            out += "authorized_brands: {}\n"
        } else {
            out += "authorized_brands:\n"
            for (provider, brands) in settings.authorizedBrands.sorted(by: { $0.key < $1.key }) {
                out += "  \(YAMLText.scalar(provider)): \(YAMLText.list(brands))\n"
            }
        }
        out += "included: \(YAMLText.list(included.map(\.glob.pattern)))\(baseNote(included))\n"
        out += "excluded: \(YAMLText.list(excluded.map(\.glob.pattern)))\(baseNote(excluded))\n"
        if overrides.isEmpty {
            out += "overrides: []\n"
        } else {
            out += "overrides:\n"
            for override in overrides {
                out += "  - paths: \(YAMLText.list(override.paths.map(\.glob.pattern)))\(baseNote(override.paths))\n"
                out += "    rules:\(renderLayer(override.rules, indent: "      "))"
            }
        }
        return out
    }

    /// A comment naming the directory globs are relative to, when it is not this configuration's.
    private func baseNote(_ globs: [ScopedGlob]) -> String {
        let bases = Set(globs.map(\.base))
        guard let base = bases.first, bases.count == 1, base != directory else {
            return bases.count > 1 ? "  # relative to \(bases.sorted().joined(separator: ", "))" : ""
        }
        return "  # relative to \(base)"
    }

    /// One layer's set options (an override's rules), as a block under `rules:`.
    private func renderLayer(_ layer: RuleOptions, indent: String) -> String {
        var sections: [String: [String]] = [:]
        for (rule, on) in layer.enabled { sections[rule, default: []].append("enabled: \(on)") }
        for (rule, terms) in layer.extraTerms { sections[rule, default: []].append("extra_terms: \(YAMLText.list(terms))") }
        for (rule, terms) in layer.allowedTerms { sections[rule, default: []].append("allowed_terms: \(YAMLText.list(terms))") }
        if let floor = layer.erpMonthlyFloor { sections["erp-price-floor", default: []].append("monthly_floor: \(YAMLText.number(floor))") }
        if !layer.exchangeRates.isEmpty {
            let rates = layer.exchangeRates.sorted { $0.key < $1.key }.map { "\(YAMLText.scalar($0.key)): \(YAMLText.number($0.value))" }
            sections["erp-price-floor", default: []].append("exchange_rates: {\(rates.joined(separator: ", "))}")
        }
        if !layer.extraHeadings.isEmpty {
            let headings = layer.extraHeadings.sorted { $0.key < $1.key }.map { "\(YAMLText.scalar($0.key)): \(YAMLText.list($0.value))" }
            sections["missing-modules", default: []].append("extra_headings: {\(headings.joined(separator: ", "))}")
        }
        if let repeats = layer.stackingTitleRepeats { sections["keyword-stacking", default: []].append("title_repeats: \(repeats)") }
        if let run = layer.stackingRunLength { sections["keyword-stacking", default: []].append("run_length: \(run)") }
        guard !sections.isEmpty else { return " {}\n" }
        var out = "\n"
        for rule in Configuration.knownRuleIds {
            guard let entries = sections[rule] else { continue }
            out += "\(indent)\(rule): {\(entries.sorted().joined(separator: ", "))}\n"
        }
        return out
    }
}

/// Just enough YAML writing for `render()`: scalars are written plain when that reads back as
/// the same text, double-quoted otherwise.
enum YAMLText {
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.unicodeScalars.contains(where: { ",[]{}#:\"'\\".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) { return false }
        if reserved.contains(text.lowercased()) { return false }
        // Anything that could read back as a number or a date.
        if let scalar = text.unicodeScalars.first, ("0"..."9").contains(scalar) || scalar == "+" || scalar == "." { return false }
        return true
    }
}

// MARK: - RuleSettings as a dictionary key

/// Engines are built per distinct settings (extra terms and headings are compiled in), so the
/// command line can key its engines by them.
extension RuleSettings: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(erpMonthlyFloor)
        hasher.combine(exchangeRates)
        hasher.combine(extraTerms)
        hasher.combine(allowedTerms)
        hasher.combine(extraHeadings)
        hasher.combine(stackingTitleRepeats)
        hasher.combine(stackingRunLength)
        hasher.combine(authorizedBrands)
    }
}
