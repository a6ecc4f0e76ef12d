//! Whether a text with no achieved figure still reports on handling: news of a handling
//! meeting, an inspection or a review, or a summary whose figures are template placeholders
//! (`X件`). Plans, rules, notices, reply letters and templates say so in their title.

/// Title words of texts that are no report on handling, with the reason.
const NOT_REPORTS: &[(&str, &str)] = &[
    ("通知", "a notice: what is to be done"),
    ("方案", "a plan or scheme"),
    ("办法", "rules"),
    ("制度", "rules"),
    ("规定", "rules"),
    ("条例", "regulations"),
    ("细则", "rules"),
    ("章程", "a charter"),
    ("要点", "a work plan"),
    ("计划", "a plan"),
    ("规划", "a plan"),
    ("公告", "an announcement"),
    ("征求意见", "a draft for comment"),
    ("测评", "a survey template"),
    ("清单", "a list of duties"),
    ("决议", "a resolution"),
    ("已收悉", "a reply letter to one proposer"),
    ("的答复", "a reply letter to one item"),
    ("答复函", "a reply letter"),
    (
        "年度报告",
        "an information-disclosure or other annual report",
    ),
    ("工作报告", "a general work report"),
];

/// Genre nouns a title ends with when the text is an instrument, not a report, whatever
/// figures it quotes (a notice assigning this year's items counts them too), with the reason.
const INSTRUMENTS: &[(&str, &str)] = &[
    ("通知", "a notice: assigns or directs handling"),
    ("办法", "rules for handling"),
    ("规定", "rules"),
    ("条例", "regulations"),
    ("细则", "detailed rules"),
    ("规则", "rules"),
    ("方案", "a plan or scheme"),
    ("实施意见", "an implementing opinion"),
    (
        "安排意见",
        "an arrangement: how this year's items are to be handled",
    ),
    ("决定", "a decision"),
    ("公告", "an announcement"),
    ("要点", "a work plan"),
];

/// Posts of people quoted at the end of a headline ("副部长:…"), with the reason.
const SPEAKERS: &[(&str, &str)] = &[
    ("部长", "a minister"),
    ("主任", "a director or committee head"),
    ("局长", "a bureau head"),
    ("厅长", "a department head"),
    ("书记", "a party secretary"),
    ("主席", "a chair"),
    ("市长", "a mayor"),
    ("县长", "a county head"),
    ("代表", "a deputy"),
    ("委员", "a CPPCC member"),
    ("发言人", "a spokesperson"),
];

/// Words with which a notice turns to what it directs, with the reason.
const NOTICE_TURNS: &[(&str, &str)] = &[
    ("通知如下", "a notice: the body of what it directs follows"),
    ("特此通知", "a notice's closing formula"),
];

/// Title ends in which 办法 is a way of doing something, not rules ("将研究提出系统性解决办法").
const METHODS: &[&str] = &["解决办法", "好办法", "新办法", "有效办法", "办法措施"];

/// Words saying items were handled, assigned, supervised or reviewed, with the reason.
const HANDLING_EVENTS: &[(&str, &str)] = &[
    ("办理工作", "the handling work itself"),
    ("办理情况", "how items were handled"),
    ("交办会", "the meeting that assigns items"),
    ("交办工作会", "the meeting that assigns items"),
    ("督办", "supervision of handling"),
    ("办复", "items replied"),
    ("办结", "items completed"),
    ("办理完毕", "items completed"),
    ("推进会", "a meeting to push handling on"),
    ("协商会", "a consultation on handling"),
    ("座谈会", "a talk with proposers on handling"),
    ("视察", "an inspection of handling"),
    ("评议", "a review of handling"),
    ("沟通会", "a talk with proposers"),
    (
        "面商",
        "a face-to-face consultation with a proposer on an item",
    ),
    ("办理质量", "the quality of handling"),
    (
        "面对面",
        "a face-to-face talk with proposers on their items",
    ),
    ("回复情况", "how items were replied to (办理回复情况)"),
];

/// Handling units told what to do ("各承办单位要…", "各单位务必…").
static DIRECTIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new("各(?:承办)?单位(?:要|务必|必须|应当|应)").expect("directive regex")
});

/// True when the title names the text an instrument (`…的通知`, `…出台办法`): no report,
/// even with figures. A page's metadata title (`标 题: …`) counts before its first line.
pub fn titled_instrument(text: &str) -> bool {
    static META_TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"标\s*题\s*:\s*([^|\n]+)").expect("meta title regex")
    });
    let opening: String = text.chars().take(2000).collect();
    // The title may follow a line of page furniture ("2025年第01期").
    let heads: Vec<String> = match META_TITLE.captures(&opening) {
        Some(c) => vec![c[1].trim().to_string()],
        None => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(3)
            .map(str::to_string)
            .collect(),
    };
    // A notice whose title was not kept still says so where it turns to what it directs
    // ("现就有关事项通知如下", "特此通知"), near its start.
    let directs = opening.chars().take(600).collect::<String>();
    if NOTICE_TURNS.iter().any(|(w, _)| directs.contains(w)) {
        return true;
    }
    heads.iter().any(|head| {
        // A headline that ends by quoting a speaker ("…提案办理通报会 卫生部副部长:医改将有6个
        // 备选方案") is named by what comes before the speaker; the quote is what was said.
        let head = match head.rsplit_once([':', ':']) {
            Some((before, _)) if SPEAKERS.iter().any(|(w, _)| before.ends_with(w)) => before
                .trim_end()
                .rsplit_once(char::is_whitespace)
                .map_or("", |(rest, _)| rest),
            _ => head.as_str(),
        };
        let bare = head.trim_end_matches(['》', '”', '"', '|', ' ']);
        // A title is short and no sentence; a bare section name ("通知公告") is page furniture.
        bare.chars().count() >= 8
            && bare.chars().count() <= 80
            && !bare.ends_with(['。', '!', '?'])
            && INSTRUMENTS.iter().any(|(w, _)| bare.ends_with(w))
            && !METHODS.iter().any(|w| bare.ends_with(w))
    })
}

/// Words of a title about proposers performing their duties, with the reason.
const PERFORMANCE: &[(&str, &str)] = &[
    ("履职", "deputies or members performing their duties"),
    ("述职", "deputies or members reporting on their own duties"),
];

/// The democratic parties (and their collective name), in both scripts' common forms: a title
/// that names one and no handling is about what the party raised, with the reason.
const PARTIES: &[(&str, &str)] = &[
    ("民革", "a party: its members' proposals"),
    ("民盟", "a party"),
    ("民建", "a party"),
    ("民进", "a party"),
    ("农工党", "a party"),
    ("農工黨", "the same, traditional script"),
    ("致公党", "a party"),
    ("致公黨", "the same, traditional script"),
    ("九三学社", "a party"),
    ("九三學社", "the same, traditional script"),
    ("台盟", "a party"),
    ("民主党派", "the parties together"),
    ("民主黨派", "the same, traditional script"),
];

/// Handling words a party's title may name (its proposal's handling) beyond those of
/// [`HANDLING_EVENTS`]: their traditional forms, replies and consultation.
const HANDLED: &[&str] = &[
    "辦理", "辦復", "督辦", "答复", "答覆", "协商", "協商", "辦結", "面商",
];

/// Bodies whose own performance (`人大履职`, `政协召开…会议 推动履职成果转化`) takes in the
/// handling they oversee.
const BODIES: &[&str] = &["人大", "政协", "常委会", "政府"];

/// True when a title names a body as the one acting, not only its members (`政协委员`,
/// `人大代表`) or one of its sessions (`区政协第九届委员会第一次会议`, `市政协十四届五次会议`).
fn body_acts(title: &str) -> bool {
    BODIES.iter().any(|b| {
        title.match_indices(b).any(|(at, _)| {
            let after = &title[at + b.len()..];
            let members = ["委员", "代表"].iter().any(|m| after.starts_with(m));
            let session = after.chars().take(5).any(|c| c == '届');
            !members && !session
        })
    })
}

/// True when the title is about proposers performing their duties (a party branch's or a
/// delegation's session round-up, a deputy reporting to voters) and names neither handling nor
/// a body acting, or names a democratic party and no handling: such a text counts what its
/// people raised, not how a body handled it. A body's own performance ("自治区人大履职成绩单")
/// takes in the handling it oversees.
pub fn proposer_activity(text: &str) -> bool {
    let heads: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(2)
        // A title is short and no sentence; a line of page furniture ("发布时间: … | 来源: …
        // 政协报") names no actor.
        .filter(|l| {
            l.chars().count() <= 60
                && !l.contains('。')
                && !["来源", "发布", "作者"].iter().any(|w| l.contains(w))
        })
        .collect();
    let handling = |h: &str| {
        HANDLING_EVENTS.iter().any(|(w, _)| h.contains(w))
            || ["办理", "提案工作", "收到", "立案"]
                .iter()
                .any(|w| h.contains(w))
    };
    let performing = heads
        .iter()
        .any(|h| PERFORMANCE.iter().any(|(w, _)| h.contains(w)))
        && !heads.iter().any(|h| handling(h) || body_acts(h));
    let party = heads
        .iter()
        .any(|h| PARTIES.iter().any(|(w, _)| h.contains(w)))
        && !heads
            .iter()
            .any(|h| handling(h) || HANDLED.iter().any(|w| h.contains(w)));
    performing || party
}

/// The title: the first line with text, at most 150 characters.
fn title(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    line.chars().take(150).collect()
}

/// True when the text reports on handling although it states no achieved figure.
pub fn handling_without_figures(text: &str) -> bool {
    let head = title(text);
    // A paragraph on the first line is no title; a genre word inside an agency's name
    // (自然资源和规划局) names no genre.
    let titled = head.chars().count() <= 60 || !head.contains('。');
    let genre_word = |w: &str| {
        head.match_indices(w).any(|(at, _)| {
            !head[at + w.len()..].starts_with(['局', '厅', '委', '院', '部', '办', '处', '科'])
        })
    };
    if titled && NOT_REPORTS.iter().any(|(w, _)| genre_word(w)) {
        return false;
    }
    // A text that opens by telling the handling units what to do is a directive, not news of
    // what was done (news of a meeting opens with the meeting).
    let opening: String = text.chars().take(200).collect();
    let directive = DIRECTIVE.find_iter(&opening).any(|m| {
        // "会议强调,各承办单位要…" reports what a meeting said.
        let before: String = opening[..m.start()].chars().rev().take(6).collect();
        !["调强", "求要", "出指", "议会"]
            .iter()
            .any(|w| before.contains(w))
    });
    if directive {
        return false;
    }
    // Rules set out in articles ("第十一条 局办公室对…实行监督") say how items are to be
    // handled, not how they were.
    static ARTICLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?m)^\s*第[一二三四五六七八九十百零〇]+条").expect("article regex")
    });
    if ARTICLE.find_iter(text).nth(1).is_some() {
        return false;
    }
    HANDLING_EVENTS
        .iter()
        .filter(|(w, _)| text.contains(w))
        .count()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::handling_without_figures;

    #[test]
    fn instruments_are_named_by_the_end_of_their_title() {
        use super::titled_instrument;
        assert!(titled_instrument(
            "某县人民政府办公室关于做好代表建议办理工作的通知\n共交办建议40件。"
        ));
        assert!(titled_instrument(
            "| 索引号:001 |\n| 标 题: 某市交通局建议提案办理工作方案 |\n正文"
        ));
        assert!(!titled_instrument(
            "通知公告\n某局完成建议提案办理工作\n共办理建议9件。"
        ));
        assert!(!titled_instrument(
            "某市规划局2021年建议提案办理情况\n共办理建议9件。"
        ));
        assert!(!titled_instrument(
            "针对代表建议 市政府将研究提出系统性解决办法\n共办理建议9件。"
        ));
        assert!(titled_instrument(
            "2025年第01期\n市政府办公室关于做好建议提案办理工作的通知\n共交办建议170件。"
        ));
        // The second part of a headline reports what was said at the event the first names.
        assert!(!titled_instrument(
            "某部召开提案办理情况通报会 副部长:将有3个备选方案\n今年共承办提案90件。"
        ));
    }

    #[test]
    fn proposers_performing_their_duties_are_no_handling() {
        use super::proposer_activity;
        assert!(proposer_activity(
            "某党派市委会两会履职综述\n会议期间提交集体提案6件、个人提案12件。"
        ));
        assert!(proposer_activity(
            "某镇县人大代表向选民报告履职情况\n我提出建议3件。"
        ));
        assert!(!proposer_activity(
            "2021年某区人大履职成绩单\n代表共提出建议92件,已全部办结。"
        ));
        assert!(!proposer_activity(
            "围绕大局履职 某市政协提案工作回顾\n共立案提案300件。"
        ));
        assert!(!proposer_activity(
            "某市政协委员积极履职 大会收到提案250件\n立案230件。"
        ));
        // Members at a session of the body are still its members.
        assert!(proposer_activity(
            "某区民革党员在区政协第九届委员会第一次会议上积极履职\n提交提案6件。"
        ));
        assert!(!proposer_activity(
            "推动履职成果转化 某区政协召开常委会会议\n会议听取了提案办理情况的通报。"
        ));
        // A party's own proposals; the handling of one is handling.
        assert!(proposer_activity(
            "关注生态环境保护 某党派中央民盟38件提案体现调研成果\n正文。"
        ));
        assert!(!proposer_activity(
            "市公安局就民盟市委会集体提案办理情况举行协商会\n正文。"
        ));
    }

    #[test]
    fn meeting_news_is_a_report_and_a_notice_is_not() {
        assert!(handling_without_figures(
            "市林业局召开建议提案办理工作推进会\n会议听取了办理情况汇报,要求按时办复。"
        ));
        assert!(!handling_without_figures(
            "关于做好2025年建议提案办理工作的通知\n各单位要认真做好办理工作,按时办复。"
        ));
        assert!(handling_without_figures(
            "市自然资源和规划局召开建议提案办理工作推进会\n会上汇报了办理情况,要求按时办复。"
        ));
        assert!(!handling_without_figures(
            "建议提案是民意的反映。\n各承办单位要在6月底前办理完毕,按时办复,接受督办。"
        ));
    }
}
