import CaseStore
import Casework
import Foundation
import Terminal
import Workstation

/// Starts the workstation on a store: the terminal, the theme, the app, the loop — and the
/// terminal restored whatever happens.
enum WorkstationLauncher {
    static func run(store: Store, staff: StaffMember, global: some StoreAndLanguage, theme requested: String?) throws {
        let environment = ProcessInfo.processInfo.environment
        let uiLanguage: UILanguage = global.language == .nl ? .nl : .en
        let (config, configWarning) = Settings.load(uiLanguage)
        // --lang on the command line wins; else the configuration file; else Dutch.
        let language: Language = global.langGiven ? global.language : (config.language == .en ? .en : global.language)

        let backend: NcursesBackend
        do {
            backend = try NcursesBackend()
        } catch {
            // No terminal, an unknown TERM or one that cannot place the cursor (TERM=dumb):
            // the workstation was started where it cannot run, which the contract of
            // docs/case-file.md calls wrong use (64); 74 would send the user looking at the store.
            Console.error(error.message(in: uiLanguage))
            throw Failure(status: Exit.usage)
        }
        defer { backend.shutdown() }
        let themes = ThemeChoice.packageThemesDirectory(executablePath: CommandLine.arguments[0])
            ?? ThemeChoice.packageThemesDirectory(executablePath: Bundle.main.executablePath ?? "")
        let (theme, themeWarning) = ThemeChoice.resolve(requested: requested, configured: config.theme, environment: environment,
                                                         terminalHasColors: backend.hasColors, themesDirectory: themes,
                                                         language: language == .nl ? .nl : .en)
        backend.theme = theme

        // The user's own folder first, then the team's (the municipality's settings), then here.
        // The reads of the first frame on the connection the opening used: a reader opened for
        // them would read the whole schema again first (see `Store.readingOnWriter`).
        let teamFolder = store.readingOnWriter { (try? store.municipality())?.outputFolder }
        var env = AppEnvironment(store: store, staff: staff, language: language,
                                 outputFolder: config.outputFolder ?? teamFolder ?? FileManager.default.currentDirectoryPath)
        // A practice store: the practice cases, for a trainee's copy of one (F11). A file that
        // does not read is said on stderr by `keukentafel train`; here it only leaves F11 out.
        if store.kind == .demo { env.practiceCases = (try? Training.catalogue(language, quiet: true)) ?? [] }
        let app: App
        do {
            app = try store.readingOnWriter { try App(env: env, size: backend.size, ascii: !backend.supportsUnicode) }
        } catch let error as StoreError {
            backend.shutdown()
            Console.error(error.message(in: language))
            throw Failure(status: StoreAccess.status(of: error))
        }
        var notes = [configWarning, themeWarning].compactMap { $0 }
        if store.isReadOnly {
            notes.append(language.pick("Alleen lezen: u heeft geen schrijfrechten op de opslag. Lijsten, zoeken en het dashboard werken; huishoudens openen en wijzigen niet.",
                                       "Read-only: you have no write access to the store. Lists, search and the dashboard work; opening and changing households do not."))
        }
        if !backend.supportsUnicode {
            notes.append(language.pick("De taalinstelling is geen UTF-8: tekens zonder accenten (zet LANG=C.UTF-8).",
                                       "The locale is not UTF-8: characters without accents (set LANG=C.UTF-8)."))
        }
        if !notes.isEmpty { app.show(notes.joined(separator: " "), isError: true) }
        app.run(on: backend)
    }
}
