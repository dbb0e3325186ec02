import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// A window below 80×24: a notice, keys that do nothing, and the ways out.
@Suite("A window that is too small")
struct TooSmallTests {
    static let tiny = Size(width: 20, height: 6)

    /// The notice's words, wherever the window wrapped them.
    static func words(_ buffer: ScreenBuffer) -> String {
        buffer.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test("At 20×6 the notice fits the window; keys change nothing; at 80×24 the caseload is back as it was")
    func keysDoNothing() throws {
        try withDemoApp(size: Size(width: 80, height: 24)) { app in
            let before = app.render()
            app.handle(.resize(Self.tiny))
            let notice = app.render()
            #expect(notice.size == Self.tiny)
            #expect(Self.words(notice) == "Het venster is te klein (20×6). Maak het minstens 80×24; F10 stopt.")
                        for key: Key in [.down, .character("j"), .enter, .character("a"), .character("/"), .character("x"), .function(4),
                             .function(7), .function(6), .function(9), .function(1), .character("?"), .delete, .tab, .pageDown] {
                app.handle(.key(key))
                #expect(!app.state.quit, "\(key) quit")
            }
            #expect(app.state.screen == .caseload)
            #expect(app.state.household == nil)
            #expect(app.state.help == nil)
            #expect(!app.state.caseload.searching)
            app.handle(.resize(Size(width: 80, height: 24)))
            #expect(app.render() == before)
        }
    }

    @Test("Esc, q, F10 and Ctrl-C quit from the notice", arguments: [Key.escape, .character("q"), .function(10), .control("c")])
    func quitKeys(key: Key) throws {
        try withDemoApp(size: Self.tiny) { app in
            #expect(Self.words(app.render()).contains("te klein"))
            app.handle(.key(key))
            #expect(app.state.quit)
        }
    }

    @Test("While a conversation is typed, q and Esc do nothing; F10 quits and the text goes to the draft")
    func typingIsNotEnded() throws {
        try withDemoApp(size: Size(width: 80, height: 24)) { app in
            try ConversationTests.startConversation(app)
            app.handle(.resize(Self.tiny))
            for key: Key in [.character("q"), .escape, .character("z"), .enter, .backspace, .tab] {
                app.handle(.key(key))
                #expect(!app.state.quit, "\(key) quit")
            }
            let form = try #require(app.state.household?.conversations?.form)
            #expect(form.field == .domain(.financien))
            #expect(form.text(.domain(.financien)) == ConversationTests.note)
            #expect(!(app.state.household?.conversations?.confirmClose ?? true))
            app.handle(.resize(Size(width: 80, height: 24)))
            #expect(app.render().text.contains(ConversationTests.note))
            app.handle(.resize(Self.tiny))
            app.handle(.key(.function(10)))
            #expect(app.state.quit)
            app.handle(.tick)   // what `run` does on the way out
            let draft = try #require(try app.env.store.draft(household: "hh-demo-0001", user: "r.westra"))
            #expect(draft.conversation.domains.first?.note == ConversationTests.note)
        }
    }

    @Test("Any size down to 1×1 renders without a crash and within the window")
    func everySize() throws {
        try withDemoApp(size: Size(width: 80, height: 24)) { app in
            try ConversationTests.startConversation(app)
            for width in [1, 2, 3, 5, 8, 13, 20, 79, 80, 81] {
                for height in [1, 2, 3, 6, 23, 24, 25] {
                    app.handle(.resize(Size(width: width, height: height)))
                    let screen = app.render()
                    #expect(screen.size == Size(width: width, height: height))
                    #expect(screen.lines.allSatisfy { DisplayWidth.of($0) == width })
                }
            }
            app.handle(.resize(Size(width: 80, height: 24)))
            #expect(app.render().text.contains(ConversationTests.note))
        }
    }
}
