// PRE-LENGTH: the narrative counts user-perceived characters (extended grapheme clusters, UAX #29)
// not counting whitespace. Exactly the definition of NarrativeLength.cs on the server (the
// authority); both are tested on the cases of tests/shared/narrative-cases.json.

// The Unicode White_Space property, spelled out as in NarrativeLength.cs so that both sides agree.
const WHITE_SPACE = "\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// The one place where browsers and the server part ways: Unicode 15.1 joined Indic conjuncts into
// one cluster (UAX #29 rule GB9c: consonant, virama, consonant), which browsers' ICU follows and
// .NET's StringInfo (the server, the authority) does not: there a consonant after a virama (an
// InCB=Linker, possibly followed by marks or ZWJ) starts a new cluster. Such a consonant inside a
// browser segment is counted once more, so that नमस्ते is 4 on both sides.
const CONJUNCT_CONTINUATION = /[\u094D\u09CD\u0ACD\u0B4D\u0C4D\u0D4D][\p{M}\u200D]*(?=\p{L})/gu;

function isWhiteSpace(segment) {
    // Every UTF-16 code unit is one of the list (the list holds no surrogates), as on the server.
    for (let i = 0; i < segment.length; i++) {
        if (!WHITE_SPACE.includes(segment[i])) return false;
    }
    return true;
}

export function countNarrative(text) {
    if (!text) return 0;
    let count = 0;
    for (const { segment } of segmenter.segment(text)) {
        if (isWhiteSpace(segment)) continue;
        count++;
        if (segment.length > 2) count += (segment.match(CONJUNCT_CONTINUATION) ?? []).length;
    }
    return count;
}

export function countAll(texts) {
    return texts.reduce((sum, t) => sum + countNarrative(t), 0);
}
