import Testing
@testable import CaseStore

@Suite("SHA-256 of the audit chain (FIPS 180-4)")
struct SHA256Tests {
    @Test("The NIST test vectors: empty, \"abc\", the 448-bit and the 896-bit message")
    func nistVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                            + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8)
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test("One million times 'a', at once and fed in uneven pieces")
    func millionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == expected)
        var h = SHA256()
        var fed = 0
        // pieces of 1, 2, …, 1413 bytes: block boundaries fall everywhere inside them
        var size = 1
        while fed < 1_000_000 {
            let n = min(size, 1_000_000 - fed)
            h.update([UInt8](repeating: UInt8(ascii: "a"), count: n))
            fed += n
            size += 1
        }
        #expect(h.finish().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() == expected)
    }

    /// Lengths around the padding edges: 55 bytes still fit the length in the last block,
    /// 56 need another; 64 is a whole block. Expected values from Python's hashlib.
    @Test("Messages around the padding edges (55, 56, 63, 64, 65, 119, 120 bytes)", arguments: [
        (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
        (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
        (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
        (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
    ])
    func paddingEdges(length: Int, expected: String) {
        #expect(SHA256.hex((0..<length).map { UInt8($0 % 251) }) == expected)
    }
}
