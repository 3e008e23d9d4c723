import Foundation

/// One input named on the command line, expanded: a file, or standard input.
public struct InputFile: Sendable {
    public let path: String
    public let format: ListingFormat?
    public let isStandardInput: Bool
}

/// The result of linting a set of inputs.
public struct LintReport: Sendable {
    public var findings: [Finding] = []
    public var errors: [InputError] = []
    /// Findings silenced by suppressions (still counted in the summary).
    public var suppressed: [SuppressedFinding] = []
    /// Baseline entries whose finding is gone (fixed), when a baseline was given.
    public var fixed: [BaselineEntry] = []
    /// Findings hidden because the baseline records them.
    public var baselined = 0
    /// Every listing linted, clean ones too.
    public var linted: [ListingKey] = []
    public var files = 0
    public var listings = 0
    /// Per listing (file, id): the points of its distinct violated rows.
    public var pointsByListing: [ListingKey: Double] = [:]

    public struct ListingKey: Hashable, Sendable {
        public let file: String
        public let listing: String

        public init(file: String, listing: String) {
            self.file = file
            self.listing = listing
        }
    }

    public var points: Double { pointsByListing.values.reduce(0, +) }

    /// A listing's points count each violated row once.
    public static func points(of findings: [Finding]) -> [ListingKey: Double] {
        var rows: [ListingKey: [String: Double]] = [:]
        for finding in findings {
            rows[ListingKey(file: finding.file, listing: finding.listing), default: [:]][finding.row] = finding.points ?? 0
        }
        return rows.mapValues { $0.values.reduce(0, +) }
    }
}

public enum InputCollector {
    static let extensions: Set<String> = ["md", "markdown", "json", "jsonl", "ndjson"]

    /// Expands directories recursively (by extension, sorted for stable output). Paths that do
    /// not exist become errors; the others are still collected.
    public static func collect(_ paths: [String]) -> (files: [InputFile], errors: [InputError]) {
        var files: [InputFile] = []
        var errors: [InputError] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                files.append(InputFile(path: "<stdin>", format: nil, isStandardInput: true))
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(file: path, message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                guard let enumerator = manager.enumerator(atPath: path) else {
                    errors.append(InputError(file: path, message: "cannot read the directory"))
                    continue
                }
                var found: [String] = []
                while let relative = enumerator.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") { continue }
                    if extensions.contains((relative as NSString).pathExtension.lowercased()) {
                        found.append((path as NSString).appendingPathComponent(relative))
                    }
                }
                for file in found.sorted() {
                    var isDir: ObjCBool = false
                    if manager.fileExists(atPath: file, isDirectory: &isDir), !isDir.boolValue {
                        files.append(InputFile(path: file, format: ListingFormat(path: file), isStandardInput: false))
                    }
                }
            } else {
                let format = ListingFormat(path: path)
                if format == nil {
                    errors.append(InputError(file: path, message: "unknown listing format: expected .md, .json or .jsonl"))
                    continue
                }
                files.append(InputFile(path: path, format: format, isStandardInput: false))
            }
        }
        return (files, errors)
    }
}

/// Runs an engine over inputs, in parallel, keeping the output order of the inputs.
public struct LintRunner: Sendable {
    public let engine: Engine
    public let jobs: Int

    public init(engine: Engine, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.engine = engine
        self.jobs = max(1, jobs)
    }

    public func read(_ input: InputFile) -> (bytes: [UInt8]?, error: InputError?) {
        LintRunner.read(input)
    }

    public static func read(_ input: InputFile) -> (bytes: [UInt8]?, error: InputError?) {
        if input.isStandardInput {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return ([UInt8](data), nil)
        }
        guard let data = FileManager.default.contents(atPath: input.path) else {
            return (nil, InputError(file: input.path, message: "cannot read the file (permission denied?)"))
        }
        return ([UInt8](data), nil)
    }

    public func run(_ inputs: [InputFile]) -> LintReport {
        var report = LintReport()
        for input in inputs {
            report.files += 1
            let (bytes, error) = read(input)
            if let error { report.errors.append(error); continue }
            let content = bytes ?? []
            let format = input.format ?? ListingFormat.sniff(content)
            let result = ListingReader.read(bytes: content, file: input.path, format: format)
            report.errors += result.errors
            report.listings += result.listings.count
            report.findings += lint(result.listings)
        }
        report.pointsByListing = LintReport.points(of: report.findings)
        return report
    }

    /// Lints listings on `jobs` threads; each thread owns its regex scratch space.
    public func lint(_ listings: [Listing]) -> [Finding] {
        lintEach(listings).flatMap { $0 }
    }

    /// The findings of each listing, in the order of `listings`.
    public func lintEach(_ listings: [Listing]) -> [[Finding]] {
        if jobs == 1 || listings.count < 8 {
            let scratch = RegexScratch()
            return listings.map { engine.lint($0, scratch: scratch) }
        }
        let chunkCount = min(listings.count, jobs * 4)
        let results = ResultSlots<[[Finding]]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let scratch = RegexScratch()
            let lower = chunk * listings.count / chunkCount
            let upper = (chunk + 1) * listings.count / chunkCount
            var found: [[Finding]] = []
            for index in lower..<upper {
                found.append(engine.lint(listings[index], scratch: scratch))
            }
            results.set(chunk, found)
        }
        return results.values.flatMap { $0 ?? [] }
    }
}

/// Slots written once each by concurrent workers, read after they all finish.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
