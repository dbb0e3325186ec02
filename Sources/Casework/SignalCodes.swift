/// The code lists of vroegsignalering as the DDAS exchange standard (VNG Realisatie, Divosa,
/// NVVK, CBS; v1.2) has them. In case files each has a short code; in a DDAS file the
/// standard's own text (`ddas`), spelled exactly as the schema spells it.

/// A code of the standard: its text in a DDAS file, and the code for that text.
public protocol DDASCode: CaseIterable {
    var ddas: String { get }
}

extension DDASCode {
    public init?(ddas: String) {
        guard let code = Self.allCases.first(where: { $0.ddas == ddas }) else { return nil }
        self = code
    }
}

/// Who sent the signal (signaalpartner).
public enum SignalPartner: String, CaseIterable, Codable, Sendable, DDASCode {
    case huur, energie, water, zorg, hypotheek
    case cakZorgverzekeringen = "cak-zorgverzekeringen"
    case cakEigenBijdrage = "cak-eigen-bijdrage"
    case duo, belastingdienst
    case dienstToeslagen = "dienst-toeslagen"
    case overige

    public var ddas: String {
        switch self {
        case .huur: "Huur"
        case .energie: "Energie"
        case .water: "Water"
        case .zorg: "Zorg"
        case .hypotheek: "Hypotheek"
        case .cakZorgverzekeringen: "CAK Zorgverzekeringen"
        case .cakEigenBijdrage: "CAK Eigen bijdrage"
        case .duo: "DUO"
        case .belastingdienst: "Belastingdienst"
        case .dienstToeslagen: "Dienst Toeslagen"
        case .overige: "Overige"
        }
    }


    /// Case files from before the standard's eleven types had four; they still read.
    public static let olderCodes: [String: SignalPartner] = ["zorgverzekering": .zorg]
}

/// Where a signal stands (signaalstatus).
public enum SignalStatus: String, CaseIterable, Codable, Sendable, DDASCode {
    case notYetPickedUp = "nog-niet-opgepakt"
    case pickedUp = "opgepakt"
    case repeated = "niet-opgepakt-herhaald"
    case unfounded = "niet-opgepakt-onterecht"
    case otherReason = "niet-opgepakt-anders"
    case alreadyKnown = "al-bekend-schuldhulp"
    case deceased = "overleden"
    case notResident = "geen-inwoner"

    public var ddas: String {
        switch self {
        case .notYetPickedUp: "Nog niet opgepakt"
        case .pickedUp: "Opgepakt"
        case .repeated: "Niet opgepakt: herhaalde melding"
        case .unfounded: "Niet opgepakt: onterecht signaal"
        case .otherReason: "Niet opgepakt: andere reden"
        case .alreadyKnown: "Inwoner al bekend bij schuldhulpverlening"
        case .deceased: "Inwoner is overleden"
        case .notResident: "Persoon is geen inwoner (meer) in de gemeente"
        }
    }


    /// The statuses a signal is set to when it is not picked up, with a reason.
    public static let notPickedUp: [SignalStatus] = [.repeated, .unfounded, .otherReason, .alreadyKnown, .deceased, .notResident]

    /// Case files from before the standard had open, contact and closed.
    public static let olderCodes: [String: SignalStatus] = ["open": .notYetPickedUp, "contact": .pickedUp, "closed": .pickedUp]
}

/// How a contact was attempted (contactsoort).
public enum ContactKind: String, CaseIterable, Codable, Sendable, DDASCode {
    case telefoon, huisbezoek, brief, mail, sms, kaartje
    case afspraak = "afspraak-op-locatie"
    case administratief, overige, onbekend

    public var ddas: String {
        switch self {
        case .telefoon: "Telefoon"
        case .huisbezoek: "Huisbezoek"
        case .brief: "Brief"
        case .mail: "Mail"
        case .sms: "SMS/Whatsapp"
        case .kaartje: "Kaartje"
        case .afspraak: "Afspraak op locatie"
        case .administratief: "Administratief"
        case .overige: "Overige"
        case .onbekend: "Onbekend"
        }
    }

}

/// The part of the day of a contact attempt (dagdeel).
public enum PartOfDay: String, CaseIterable, Codable, Sendable, DDASCode {
    case ochtend, middag, avond

    public var ddas: String { rawValue.prefix(1).uppercased() + String(rawValue.dropFirst()) }

    /// Before noon morning, before six afternoon, else evening.
    public init(hour: Int) { self = hour < 12 ? .ochtend : hour < 18 ? .middag : .avond }
    /// The part of the day of a moment, at its own offset.
    public init(_ moment: Moment) { self.init(hour: moment.localHour) }
}

/// How a vroegsignaalzaak ended (eindresultaat).
public enum SignalCaseResult: String, CaseIterable, Codable, Sendable, DDASCode {
    case adviceOrQuickFix = "advies-quick-fix"
    case followUp = "vervolghulp"
    case followUpFinancial = "vervolghulp-financieel"
    case followUpNonFinancial = "vervolghulp-niet-financieel"
    case referredWithoutResident = "verwijzing-zonder-inwoner"
    case paidOrArranged = "zelf-betaald-of-regeling"
    case handlesItself = "regelt-het-zelf"
    case otherTrajectory = "ander-traject"
    case alreadyKnown = "al-bekend-schuldhulp"
    case noReactionAfterContact = "geen-reactie-na-contact"
    case noContact = "geen-contact"
    case repeated = "niet-opgepakt-herhaald"
    case unfounded = "niet-opgepakt-onterecht"
    case otherReason = "niet-opgepakt-anders"
    case deceased = "overleden"
    case notResident = "geen-inwoner"

    /// The three results of a zaak nobody picked up ("Niet opgepakt: …"): not for a zaak with
    /// a contact attempt, which was picked up.
    public var isNotPickedUp: Bool { [.repeated, .unfounded, .otherReason].contains(self) }

    /// The results of a contact with the resident (or of trying to reach them): they need a
    /// contact attempt recorded first. A referral without the resident, a resident known
    /// already, deceased or no resident any more need none.
    public var needsAttempt: Bool {
        [.adviceOrQuickFix, .followUp, .followUpFinancial, .followUpNonFinancial, .paidOrArranged, .handlesItself,
         .otherTrajectory, .noReactionAfterContact, .noContact].contains(self)
    }

    public var ddas: String {
        switch self {
        case .adviceOrQuickFix: "(Budget)advies en/of quick fix"
        case .followUp: "Vervolghulp en/of verwijzing"
        case .followUpFinancial: "Vervolghulp en/of verwijzing financieel"
        case .followUpNonFinancial: "Vervolghulp en/of verwijzing niet financieel"
        case .referredWithoutResident: "Verwijzing zonder tussenkomst inwoner"
        case .paidOrArranged: "Inwoner heeft zelf al betaald/betalingsregeling getroffen"
        case .handlesItself: "Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering"
        case .otherTrajectory: "Inwoner heeft al een ander lopend traject"
        case .alreadyKnown: "Inwoner al bekend bij schuldhulpverlening"
        case .noReactionAfterContact: "Geen reactie na eerder contact"
        case .noContact: "Definitief geen contact kunnen krijgen"
        case .repeated: "Niet opgepakt: herhaalde melding"
        case .unfounded: "Niet opgepakt: onterecht signaal"
        case .otherReason: "Niet opgepakt: andere reden"
        case .deceased: "Inwoner is overleden"
        case .notResident: "Persoon is geen inwoner (meer) in de gemeente"
        }
    }

}

extension SignalPartner {
    public func name(in l: Language) -> String {
        switch self {
        case .huur: l.pick("huur", "rent")
        case .energie: l.pick("energie", "energy")
        case .water: l.pick("water", "water")
        case .zorg: l.pick("zorgverzekeraar", "health insurer")
        case .hypotheek: l.pick("hypotheek", "mortgage")
        case .cakZorgverzekeringen: l.pick("CAK zorgverzekering", "CAK health insurance")
        case .cakEigenBijdrage: l.pick("CAK eigen bijdrage", "CAK personal contribution")
        case .duo: "DUO"
        case .belastingdienst: l.pick("Belastingdienst", "Tax Administration")
        case .dienstToeslagen: l.pick("Dienst Toeslagen", "Benefits Agency")
        case .overige: l.pick("overig", "other")
        }
    }
}

extension SignalStatus {
    public func name(in l: Language) -> String {
        switch self {
        case .notYetPickedUp: l.pick("nog niet opgepakt", "not yet picked up")
        case .pickedUp: l.pick("opgepakt", "picked up")
        case .repeated: l.pick("niet opgepakt: herhaalde melding", "not picked up: repeated")
        case .unfounded: l.pick("niet opgepakt: onterecht", "not picked up: unfounded")
        case .otherReason: l.pick("niet opgepakt: andere reden", "not picked up: other reason")
        case .alreadyKnown: l.pick("al bekend bij schuldhulp", "already known to debt help")
        case .deceased: l.pick("overleden", "deceased")
        case .notResident: l.pick("geen inwoner (meer)", "not (or no longer) a resident")
        }
    }
}

extension ContactKind {
    public func name(in l: Language) -> String {
        switch self {
        case .telefoon: l.pick("telefoon", "phone")
        case .huisbezoek: l.pick("huisbezoek", "home visit")
        case .brief: l.pick("brief", "letter")
        case .mail: l.pick("mail", "email")
        case .sms: l.pick("sms/whatsapp", "text/WhatsApp")
        case .kaartje: l.pick("kaartje", "card")
        case .afspraak: l.pick("afspraak op locatie", "appointment")
        case .administratief: l.pick("administratief", "administrative")
        case .overige: l.pick("overig", "other")
        case .onbekend: l.pick("onbekend", "unknown")
        }
    }
}

extension PartOfDay {
    public func name(in l: Language) -> String {
        switch self {
        case .ochtend: l.pick("ochtend", "morning")
        case .middag: l.pick("middag", "afternoon")
        case .avond: l.pick("avond", "evening")
        }
    }
}

extension SignalCaseResult {
    /// On the screen the standard's Dutch words are the names; in English a translation.
    public func name(in l: Language) -> String {
        switch l {
        case .nl: ddas
        case .en:
            switch self {
            case .adviceOrQuickFix: "(Budget) advice and/or quick fix"
            case .followUp: "Follow-up help and/or referral"
            case .followUpFinancial: "Follow-up help and/or referral, financial"
            case .followUpNonFinancial: "Follow-up help and/or referral, non-financial"
            case .referredWithoutResident: "Referral without the resident's involvement"
            case .paidOrArranged: "Resident already paid or made a payment arrangement"
            case .handlesItself: "Resident handles it / needs no help from early warning"
            case .otherTrajectory: "Resident already has another trajectory"
            case .alreadyKnown: "Resident already known to debt help"
            case .noReactionAfterContact: "No reaction after earlier contact"
            case .noContact: "No contact could be made, definitively"
            case .repeated: "Not picked up: repeated signal"
            case .unfounded: "Not picked up: unfounded signal"
            case .otherReason: "Not picked up: other reason"
            case .deceased: "Resident has died"
            case .notResident: "Person is not (or no longer) a resident"
            }
        }
    }
}
