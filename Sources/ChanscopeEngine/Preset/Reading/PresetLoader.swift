import Yams

/// Turns preset files and YAML text into checked `Preset` values, or into every problem found.
///
/// Loading either succeeds completely or throws a `PresetError` whose lines each name the
/// file, the line and the key, because the product promises "a bad file gets one clear message
/// naming the file, line and key, and nothing starts". The work is done in parts: `PresetFile`
/// reads bytes safely, `DuplicateKeyScan` and Yams compose the tree, `PresetDecoder` decodes its
/// shape from `PresetSchema`, and `PresetLint` checks its meaning.
public enum PresetLoader {
    /// Composes YAML text into a tree; a parameter so tests can count how often it runs.
    typealias Composer = (String) throws -> Node?

    /// Reads and checks the preset file at `path`; `path` is used as given in every message.
    public static func load(path: String) throws(PresetError) -> Preset {
        switch PresetFile.contents(of: path) {
        case .success(let text): return try parse(yaml: text, source: path)
        case .failure(let refusal): throw PresetError(file: path, line: nil, path: "", message: PresetWording.refused(refusal))
        }
    }

    /// Checks preset YAML text; `source` names it in messages (a path, or `<built-in>`).
    public static func parse(yaml: String, source: String) throws(PresetError) -> Preset {
        try parse(yaml: yaml, source: source, composer: composeWithYams)
    }

    /// The composer every load uses: Yams, one document.
    static func composeWithYams(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text)
    }

    /// `parse(yaml:source:)` with the composer given, for tests.
    static func parse(yaml: String, source: String, composer: Composer) throws(PresetError) -> Preset {
        let root = try compose(yaml: PresetText.withoutBOM(yaml), source: source, composer: composer)
        var decoder = PresetDecoder(source: source)
        let draft = decoder.decode(root)
        var findings = decoder.findings
        if let draft, let preset = PresetLint.preset(from: draft, source: source, findings: &findings) { return preset }
        throw PresetError(problems: findings.problems)
    }

    // MARK: - YAML

    /// Composes the YAML into a node tree, turning syntax errors into problems.
    ///
    /// Repeated keys are renamed first in one scan (`DuplicateKeyScan`) so that the text
    /// composes once however many there are, and the decoder reports each with its key path.
    /// A syntax error in the marked text is the file's own (markers only lengthen keys, and
    /// lines stay where they are). When the scan misread the text or missed a repeat, the
    /// unmarked text is composed instead (a second and last pass), and a repeat Yams then
    /// finds is reported on its own.
    static func compose(yaml: String, source: String, composer: Composer) throws(PresetError) -> Node? {
        let marked = DuplicateKeyScan.marking(yaml)
        if marked.renamed > 0 {
            do {
                let root = try composer(marked.text)
                if DuplicateKeyScan.matches(root, renamed: marked.renamed) { return root }
            } catch YamlError.duplicatedKeysInMapping {
                // A repeat the scan missed: compose the unmarked text below.
            } catch let error as YamlError {
                throw syntaxError(error, source: source)
            } catch {
                throw PresetError(file: source, line: nil, path: "", message: PresetWording.invalidYAML("\(error)"))
            }
        }
        do {
            return try composer(yaml)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw PresetError(file: source, line: context.mark.line, path: "",
                              message: PresetWording.duplicateKey(duplicates.first ?? "", firstLine: nil))
        } catch let error as YamlError {
            throw syntaxError(error, source: source)
        } catch {
            throw PresetError(file: source, line: nil, path: "", message: PresetWording.invalidYAML("\(error)"))
        }
    }

    /// The one-line form of a Yams syntax error.
    static func syntaxError(_ error: YamlError, source: String) -> PresetError {
        func context(_ context: YamlError.Context?, _ mark: Mark) -> String {
            guard let context, !context.text.isEmpty else { return "" }
            return context.mark.line == mark.line
                ? " (\(context.text))"
                : " (\(context.text) on line \(context.mark.line))"
        }
        switch error {
        case let .scanner(ctx, problem, mark, _), let .parser(ctx, problem, mark, _), let .composer(ctx, problem, mark, _):
            return PresetError(file: source, line: mark.line, path: "", message: PresetWording.invalidYAML(problem + context(ctx, mark)))
        case let .reader(problem, offset, _, yaml):
            let line = offset.map { offset in 1 + yaml.utf8.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count }
            return PresetError(file: source, line: line, path: "", message: PresetWording.invalidYAML(problem))
        default:
            return PresetError(file: source, line: nil, path: "", message: PresetWording.invalidYAML("\(error)"))
        }
    }
}
