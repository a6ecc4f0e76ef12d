//! The words that open a prose topic list ("主要涉及", "集中在", "包括" …), each with whether it
//! announces a list by itself and why it is there.

/// Verbs and phrases that introduce what the items concern, and how much each can be trusted.
/// `strong` introducers announce a list by themselves; the others (`围绕`, `聚焦`, `在` …) are
/// everyday words and need the list to end in a proposing verb or the items to be named in
/// the same sentence.
pub(super) struct Introducer {
    pub(super) word: &'static str,
    pub(super) strong: bool,
}

pub(super) const INTRODUCERS: &[Introducer] = &[
    // "建议主要涉及…": the usual way a report states its items' subjects.
    Introducer {
        word: "涉及",
        strong: true,
    },
    // "涉及到…": the same verb with its complement; the complement is no part of the list.
    Introducer {
        word: "涉及到",
        strong: true,
    },
    // "建议主要围绕…等7个方面内容": 围绕 said of the items' contents as a whole.
    Introducer {
        word: "主要围绕",
        strong: true,
    },
    // "问题集中在…" / "集中于…": where the items cluster.
    Introducer {
        word: "集中在",
        strong: true,
    },
    Introducer {
        word: "集中于",
        strong: true,
    },
    // "内容集中体现在…等方面", "主要体现在…": where the items' contents show.
    Introducer {
        word: "集中体现在",
        strong: true,
    },
    Introducer {
        word: "主要体现在",
        strong: true,
    },
    // "内容涵盖…": the span of subjects.
    Introducer {
        word: "涵盖",
        strong: true,
    },
    // "内容覆盖…等各个方面": the same said with 覆盖, which alone also says where a service
    // reaches (网络覆盖全市), so only after 内容.
    Introducer {
        word: "内容覆盖",
        strong: true,
    },
    // "主要反映在…三个方面": where the items' concerns show.
    Introducer {
        word: "反映在",
        strong: true,
    },
    // "分布在…等领域": how the items spread over areas.
    Introducer {
        word: "分布在",
        strong: true,
    },
    // "内容包括…" / "内容包含…": the items' contents, strong where plain 包括 is not.
    Introducer {
        word: "内容包括",
        strong: true,
    },
    Introducer {
        word: "内容包含",
        strong: true,
    },
    // "内容包含…等": like 包括, also said of other things, so weak.
    Introducer {
        word: "包含",
        strong: false,
    },
    // "主要包括…": a list of contents; plain 包括 also names parts of other things, so it is
    // weak.
    Introducer {
        word: "主要包括",
        strong: true,
    },
    Introducer {
        word: "包括",
        strong: false,
    },
    // "涉及的内容多,范围广,主要有A、B等四个方面的问题": the contents listed as what there is.
    Introducer {
        word: "主要有",
        strong: true,
    },
    // "主要是…等方面": the contents named as a predicate.
    Introducer {
        word: "主要是",
        strong: true,
    },
    // "主要反映了…等问题": what the deputies raised.
    Introducer {
        word: "反映了",
        strong: true,
    },
    // "围绕…等方面建言献策": the theme of proposals; also used for policy slogans.
    Introducer {
        word: "围绕",
        strong: false,
    },
    // "聚焦…等领域": the focus of proposals; also used for work plans.
    Introducer {
        word: "聚焦",
        strong: false,
    },
    // "关注…等方面": what members cared about.
    Introducer {
        word: "关注",
        strong: false,
    },
    Introducer {
        word: "关切",
        strong: false,
    },
    // ",在…等方面提出了8件建议": only at the start of a clause (a one-character word is
    // otherwise part of another word: 存在, 现在) and with a proposing verb after the list.
    Introducer {
        word: "在",
        strong: false,
    },
    // ",对…等给予较多关注": likewise only at the start of a clause and before a raising verb.
    Introducer {
        word: "对",
        strong: false,
    },
    // ",就A、B等内容进行面对面交流": the matters the items raised, talked over with their
    // authors; only at the start of a clause and before a verb of talking or proposing.
    Introducer {
        word: "就",
        strong: false,
    },
];
