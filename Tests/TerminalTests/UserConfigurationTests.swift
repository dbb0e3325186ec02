import Testing
@testable import Terminal

/// The configuration file: the terminal's own settings, and the sections an application
/// declares (the toolkit knows nothing of what they mean).
@Suite("The configuration file and an application's sections")
struct UserConfigurationTests {
    static let text = """
        theme = "monochrome"
        lang = "en"
        [payments]
        debtorName = "Gemeente Zaanstad"
        debtorIBAN = "NL91ABNA0417164300"
        """

    @Test("A declared section is read as text, key by key")
    func declared() {
        let (config, warning) = UserConfiguration.parse(Self.text, file: "c.toml", language: .nl,
                                                        sections: ["payments": ["debtorName", "debtorIBAN"]])
        #expect(warning == nil)
        #expect(config == UserConfiguration(theme: "monochrome", language: .en,
                                            sections: ["payments": ["debtorName": "Gemeente Zaanstad", "debtorIBAN": "NL91ABNA0417164300"]]))
    }

    @Test("A section nobody declared, or a key it does not have, is named with what is known")
    func undeclared() {
        let (none, warning) = UserConfiguration.parse(Self.text, file: "c.toml", language: .nl)
        #expect(none == UserConfiguration())
        #expect(warning == "c.toml, regel 3: onbekende instelling \"payments\" (bekend: theme, lang); de standaardinstellingen gelden.")
        let (_, key) = UserConfiguration.parse(Self.text, file: "c.toml", language: .en, sections: ["payments": ["debtorIBAN"]])
        #expect(key == "c.toml, line 4: unknown setting \"debtorName\" (known: debtorIBAN); the defaults apply.")
    }
}
