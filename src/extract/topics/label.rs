//! What a topic label is: the area as written, with the sentence's prefixes, catch-alls,
//! quotes for emphasis and the people who raised it taken off, and the conjunctions that join
//! two areas.

/// The area as a label: prefixes that belong to the sentence dropped, and nothing that names
/// the items themselves or a catch-all (其他).
pub(in crate::extract) fn clean(label: &str) -> Option<String> {
    // A colon or comma left by the list's opening ("内容包括:A、B") is no part of the first item.
    let mut l = strip_rank(
        label
            .trim()
            .trim_start_matches([':', '：', ',', '，', '、'])
            .trim_matches(['"', ' ']),
    );
    // Words that belong to the sentence around the label: 主要/内容 ("内容主要涉及"), the body
    // speaking of itself (我县, 我局), particles and the copula 属 ("属道路交通类").
    for p in [
        "主要", "内容", "我县", "我市", "我区", "我局", "了", "在", "的", "属",
    ] {
        l = l.strip_prefix(p).unwrap_or(l);
    }
    // "代表、委员关心的A问题": the people whose concern the area is are no part of it.
    for w in ["关心的", "关注的", "关切的"] {
        if let Some(at) = l.rfind(w) {
            l = &l[at + w.len()..];
        }
    }
    // ..and never an area themselves, nor are the bodies that handle items ("涉及部门48个").
    if PEOPLE.iter().chain(BODIES).any(|(w, _)| l == *w) {
        return None;
    }
    // "既有城市建设方面的,也有教育卫生方面的": the words that pair the items.
    for p in ["既有", "也有", "又有", "还有"] {
        l = l.strip_prefix(p).unwrap_or(l);
    }
    let l = l.trim_end_matches('的');
    let l = l
        .strip_suffix("方面")
        .or_else(|| l.strip_suffix("领域"))
        .unwrap_or(l);
    let l = l.trim_matches([' ', '的']);
    // Quotes around the whole label go; a quoted word inside it stays ("“120”急救体系建设").
    // A quote left open or closed by the list's split ("“A、B”" cut at 、) is no part of it.
    let balanced = l.matches('“').count() == l.matches('”').count();
    let inner = l.trim_start_matches('“').trim_end_matches('”');
    let stray;
    let l = if !balanced {
        stray = l.replace(['“', '”'], "");
        stray.trim_matches(['"', ' ', '的'])
    } else if inner.contains(['“', '”']) || (l.contains('“') && inner.len() + 6 != l.len()) {
        // Quoted words inside the label, or a quote that opens it and closes inside it: quotes
        // that mark Han words for emphasis go ("打造“三张牌”" is 打造三张牌, as labellers
        // write it); quotes around digits or letters stay, since bare they would read as a
        // count ("“120”急救").
        stray = unquote_han(l);
        stray.as_str()
    } else {
        inner.trim_matches(['"', ' ', '的'])
    };
    let n = l.chars().count();
    // "从涉及领域看": the frame "viewed from", not an area.
    if !(2..=20).contains(&n) || l.starts_with("其他") || l.starts_with("其它") || l.ends_with('看')
    {
        return None;
    }
    if l.contains("提案")
        || l.contains("建议")
        || l.contains("面广")
        || l.contains("工作") && n <= 3
    {
        return None;
    }
    Some(l.to_string())
}

/// People who raise or care about matters, with the reason: a list of them ("代表、委员关心的…")
/// names no areas.
const PEOPLE: &[(&str, &str)] = &[
    ("代表", "deputies"),
    ("委员", "CPPCC members"),
    ("人大代表", "deputies"),
    ("政协委员", "CPPCC members"),
    ("代表委员", "deputies and members"),
    ("群众", "the public"),
    ("市民", "residents"),
];

/// Bodies that handle items, with the reason: counted ("涉及部门48个"), they are no area.
const BODIES: &[(&str, &str)] = &[
    ("部门", "departments"),
    ("单位", "units"),
    ("承办单位", "handling units"),
    ("责任单位", "responsible units"),
];

/// Words in which 和 or 及 is no conjunction, with the reason: an area is not cut inside them
/// ("维护社会和谐稳定", "普及急救知识").
const NOT_CONJUNCTIONS: &[(&str, &str)] = &[
    ("和谐", "harmony"),
    ("和平", "peace"),
    ("共和", "republic"),
    ("温和", "mild"),
    ("缓和", "easing"),
    ("及时", "timely"),
    ("及早", "early"),
    ("普及", "popularise"),
    ("涉及", "concern"),
    ("危及", "endanger"),
    ("惠及", "benefit"),
];

/// Splits `part` at its conjunctions 以及/和/及, not inside words that contain them.
pub(in crate::extract) fn split_conjunctions(part: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut last = 0;
    let chars: Vec<(usize, char)> = part.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        if c == '以' && chars.get(k + 1).is_some_and(|x| x.1 == '及') {
            pieces.push(&part[last..at]);
            last = at + "以及".len();
            k += 2;
            continue;
        }
        if c == '和' || c == '及' {
            let before = k.checked_sub(1).map(|j| chars[j].1);
            let after = chars.get(k + 1).map(|x| x.1);
            let in_word = NOT_CONJUNCTIONS.iter().any(|(w, _)| {
                let mut it = w.chars();
                let (a, b) = (it.next(), it.next());
                (b == Some(c) && a == before) || (a == Some(c) && b == after)
            });
            if !in_word {
                pieces.push(&part[last..at]);
                last = at + c.len_utf8();
            }
        }
        k += 1;
    }
    pieces.push(&part[last..]);
    pieces
}

/// `l` with the quotes around Han words taken out; quotes around anything else kept.
fn unquote_han(l: &str) -> String {
    let mut out = String::with_capacity(l.len());
    let mut rest = l;
    while let Some(open) = rest.find('“') {
        out.push_str(&rest[..open]);
        let after = &rest[open + '“'.len_utf8()..];
        let Some(close) = after.find('”') else {
            out.push_str(after);
            return out;
        };
        let quoted = &after[..close];
        if quoted.chars().all(crate::decode::is_cjk) {
            out.push_str(quoted);
        } else {
            out.push('“');
            out.push_str(quoted);
            out.push('”');
        }
        rest = &after[close + '”'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Strips the words that number or rank an area in its list ("一是财政经济", "其次是社会事务",
/// "占比最高的是发展规划", "排在第三的是科教文卫"): the list's, not the area's.
pub(in crate::extract) fn strip_rank(label: &str) -> &str {
    static RANK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            "^(?:[一二三四五六七八九十]+是|其次(?:是|为)|再次(?:是|为)|(?:占比|比重|数量)?(?:最高|最多|最大)的(?:是|为)|(?:排在?|占|居|列)第[一二三四五六七八九十]+位?的(?:是|为)|排名前[一二三四五六七八九十0-9]+位?的(?:主要)?(?:是|为))",
        )
        .expect("rank regex")
    });
    RANK.find(label).map_or(label, |m| &label[m.end()..])
}
