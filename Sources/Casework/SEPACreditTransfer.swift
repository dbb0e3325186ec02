/// A SEPA credit transfer file (ISO 20022 `pain.001.001.03`): the approved grants paid to
/// the organisations, from the municipality's account. Pure text; amounts exact.
public enum SEPACreditTransfer {
    public struct Debtor: Equatable, Sendable {
        public var name: String
        public var iban: IBAN
        public init(name: String, iban: IBAN) { self.name = name; self.iban = iban }
    }

    public struct Payment: Equatable, Sendable {
        public var endToEndId: String
        public var amount: Money
        public var creditorName: String
        public var creditorIBAN: IBAN
        public var remittance: String
        public init(endToEndId: String, amount: Money, creditorName: String, creditorIBAN: IBAN, remittance: String) {
            self.endToEndId = endToEndId; self.amount = amount; self.creditorName = creditorName
            self.creditorIBAN = creditorIBAN; self.remittance = remittance
        }
    }

    /// The sum of the amounts, as the control sum says it.
    public static func controlSum(_ payments: [Payment]) -> Money { payments.map(\.amount).sum() }

    /// `messageId` at most 35 characters; `created` in local time; `execution` the day to pay.
    public static func xml(messageId: String, created: Moment, execution: CalendarDate, debtor: Debtor, payments: [Payment]) -> String {
        let count = String(payments.count), sum = controlSum(payments).plain
        let createdText = String(created.iso.prefix(19))
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        x += "  <CstmrCdtTrfInitn>\n"
        x += "    <GrpHdr>\n"
        x += "      <MsgId>\(escape(limit(messageId, 35)))</MsgId>\n"
        x += "      <CreDtTm>\(createdText)</CreDtTm>\n"
        x += "      <NbOfTxs>\(count)</NbOfTxs>\n"
        x += "      <CtrlSum>\(sum)</CtrlSum>\n"
        x += "      <InitgPty><Nm>\(escape(limit(debtor.name, 70)))</Nm></InitgPty>\n"
        x += "    </GrpHdr>\n"
        x += "    <PmtInf>\n"
        x += "      <PmtInfId>\(escape(limit(messageId, 35)))</PmtInfId>\n"
        x += "      <PmtMtd>TRF</PmtMtd>\n"
        x += "      <NbOfTxs>\(count)</NbOfTxs>\n"
        x += "      <CtrlSum>\(sum)</CtrlSum>\n"
        x += "      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>\n"
        x += "      <ReqdExctnDt>\(execution.iso)</ReqdExctnDt>\n"
        x += "      <Dbtr><Nm>\(escape(limit(debtor.name, 70)))</Nm></Dbtr>\n"
        x += "      <DbtrAcct><Id><IBAN>\(debtor.iban.electronic)</IBAN></Id></DbtrAcct>\n"
        x += "      <DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>\n"
        x += "      <ChrgBr>SLEV</ChrgBr>\n"
        for p in payments {
            x += "      <CdtTrfTxInf>\n"
            x += "        <PmtId><EndToEndId>\(escape(limit(p.endToEndId, 35)))</EndToEndId></PmtId>\n"
            x += "        <Amt><InstdAmt Ccy=\"EUR\">\(p.amount.plain)</InstdAmt></Amt>\n"
            x += "        <Cdtr><Nm>\(escape(limit(p.creditorName, 70)))</Nm></Cdtr>\n"
            x += "        <CdtrAcct><Id><IBAN>\(p.creditorIBAN.electronic)</IBAN></Id></CdtrAcct>\n"
            if !p.remittance.isEmpty { x += "        <RmtInf><Ustrd>\(escape(limit(p.remittance, 140)))</Ustrd></RmtInf>\n" }
            x += "      </CdtTrfTxInf>\n"
        }
        x += "    </PmtInf>\n"
        x += "  </CstmrCdtTrfInitn>\n"
        x += "</Document>\n"
        return x
    }

    static func limit(_ s: String, _ n: Int) -> String { String(s.prefix(n)) }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}
