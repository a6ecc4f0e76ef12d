//! The vocabulary extraction reads: keywords for measures, subjects, outcome classes and
//! qualifiers, compiled once and shared by every worker.

use crate::model::{Measure, Subject};
use regex::Regex;
use std::sync::LazyLock;

/// What a keyword in front of a count says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A count measure (lead, co, key, satisfied …).
    Measure(Measure),
    /// An outcome class phrase; the whole phrase is classified by [`outcome_classes`].
    Outcome,
    /// 承办: lead when set against 协办 with no 主办 in the document, total otherwise.
    Chengban,
    /// Receiving or handling verbs: a total.
    Total,
    /// A phrase that mixes satisfied and basically satisfied.
    MixedSatisfaction,
    /// Verbs that count replies rather than items (答复 N件).
    Reply,
}

/// Count keywords, longest alternatives first.
pub static COUNT_CUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        "满意或基本满意|满意和基本满意|满意、基本满意|不满意|基本满意|满意",
        "|正在逐步解决|正在解决|正在办理|正在落实|正在研究|部分解决|部分采纳|列入[^,。;]{0,4}?计划|列入[^,。;]{0,4}?规划",
        "|逐步解决|计划解决|计划落实|拟解决|拟采纳|工作已启动",
        "|暂不能解决|暂时不能解决|暂未解决|尚不能解决|不能解决|无法解决|难以解决|以后解决|条件限制|限于条件",
        "|客观条件|暂不具备|不具备条件|未能解决|暂时难以|难以落实|无法落实",
        "|留作参考|用作参考|作为参考|供参考|参考采纳",
        "|已经解决|已解决|基本解决|得到解决|已经落实|已落实|基本落实|已经采纳|已采纳|被采纳|予以采纳|采纳|已通过其他途径解决|已办理解决",
        "|主办|分办|独办|牵头办理|领衔办理|协办|会办|参办|配合办理|协助办理",
        "|重点(?:督办|办理|政协|人大|代表|委员)*(?:提案|建议|议案|件)|重要(?:提案|建议|议案)",
        "|承办|共计|总共|合计|合共|共有|累计|一共|共|收到|受理|办理|接收|接到|立案|交办",
        "|答复|办结|办复|面复|回复|复函",
    ))
    .expect("count cue regex")
});

/// Classifies a matched count keyword.
pub fn count_cue(word: &str) -> Cue {
    match word {
        "满意或基本满意" | "满意和基本满意" | "满意、基本满意" => {
            Cue::MixedSatisfaction
        }
        "不满意" => Cue::Measure(Measure::Unsatisfied),
        "基本满意" => Cue::Measure(Measure::BasicallySatisfied),
        "满意" => Cue::Measure(Measure::Satisfied),
        "主办" | "分办" | "独办" | "牵头办理" | "领衔办理" => {
            Cue::Measure(Measure::Lead)
        }
        "协办" | "会办" | "参办" | "配合办理" | "协助办理" => {
            Cue::Measure(Measure::Co)
        }
        "承办" => Cue::Chengban,
        "共计" | "总共" | "合计" | "合共" | "共有" | "累计" | "一共" | "共" | "收到" | "受理"
        | "办理" | "接收" | "接到" | "立案" | "交办" => Cue::Total,
        "答复" | "办结" | "办复" | "面复" | "回复" | "复函" => Cue::Reply,
        w if w.starts_with("重点") || w.starts_with("重要") => Cue::Measure(Measure::Key),
        _ => Cue::Outcome,
    }
}

/// Outcome phrases and the class each means.
static OUTCOME_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        "(?P<b>正在逐步解决|正在解决|正在办理|正在落实|正在研究|部分解决|部分采纳|列入[^,。;]{0,4}?计划|列入[^,。;]{0,4}?规划",
        "|逐步解决|计划解决|计划落实|拟解决|拟采纳|工作已启动)",
        "|(?P<c>暂不能解决|暂时不能解决|暂未解决|尚不能解决|不能解决|无法解决|难以解决|以后解决|条件限制|限于条件",
        "|客观条件|暂不具备|不具备条件|未能解决|暂时难以|难以落实|无法落实)",
        "|(?P<d>留作参考|用作参考|作为参考|供参考|参考采纳)",
        "|(?P<a>已经解决|已解决|基本解决|得到解决|已经落实|已落实|基本落实|已经采纳|已采纳|被采纳|予以采纳|采纳|已通过其他途径解决|已办理解决|已通过[^,。;]{0,8}解决)",
        "|(?P<letter>\\b[ABCD]类|[ABCD]类)",
    ))
    .expect("outcome regex")
});

/// The outcome classes a phrase names, with the positions of class words, and a letter class.
pub fn outcome_classes(phrase: &str) -> (Vec<(usize, Measure)>, Option<Measure>) {
    let mut classes = Vec::new();
    let mut letter = None;
    for caps in OUTCOME_WORDS.captures_iter(phrase) {
        let (m, pos) = if let Some(x) = caps.name("a") {
            (Measure::Solved, x.start())
        } else if let Some(x) = caps.name("b") {
            (Measure::InProgress, x.start())
        } else if let Some(x) = caps.name("c") {
            (Measure::NotFeasible, x.start())
        } else if let Some(x) = caps.name("d") {
            (Measure::Reference, x.start())
        } else if let Some(x) = caps.name("letter") {
            letter = match x.as_str().chars().next() {
                Some('A') => Some(Measure::Solved),
                Some('B') => Some(Measure::InProgress),
                Some('C') => Some(Measure::NotFeasible),
                Some('D') => Some(Measure::Reference),
                _ => None,
            };
            continue;
        } else {
            continue;
        };
        classes.push((pos, m));
    }
    (classes, letter)
}

/// Subject keywords for counts.
pub static SUBJECT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        "人大代表、政协委员|人大代表和政协委员|人大代表与政协委员|代表委员|代表、委员|代表和委员|代表与委员|委员和代表|委员、代表",
        "|会议提案|争议案|建议提案|建议和提案|建议、提案|建议与提案|建议及提案|议提案|两案|提案|议案|建议|代表|委员",
    ))
    .expect("subject regex")
});

/// Classifies a subject keyword; `people` admits 代表/委员 (used for rates, not counts).
pub fn subject_of(word: &str, people: bool) -> Option<Subject> {
    match word {
        // "会议提案" is a session's proposals, not 议提案 (议案 and 提案).
        "提案" | "会议提案" => Some(Subject::Proposal),
        "议案" | "建议" => Some(Subject::Suggestion),
        "代表" if people => Some(Subject::Suggestion),
        "委员" if people => Some(Subject::Proposal),
        "代表" | "委员" | "争议案" => None,
        w if w.contains("代表") || w.contains("委员") => {
            if people {
                Some(Subject::Combined)
            } else {
                None
            }
        }
        _ => Some(Subject::Combined),
    }
}

/// Rate keywords.
pub static RATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        "满意和基本满意率|满意或基本满意率|基本满意率|满意率|满意度|满足率|满意或基本满意|满意和基本满意",
        "|办结答复率|办理答复率|办复率|答复率|办结率|回复率|复函率",
        "|见面沟通率|见面协商率|见面率|面复率|面商率|走访率|沟通率|面谈率",
    ))
    .expect("rate regex")
});

/// Classifies a rate keyword; `None` for rates outside the schema (基本满意率).
pub fn rate_measure(word: &str) -> Option<Measure> {
    if word == "基本满意率" {
        return None;
    }
    if word.contains("满意") || word.contains("满足") {
        return Some(Measure::SatisfactionRate);
    }
    if word.contains("见面")
        || word.contains("面复")
        || word.contains("面商")
        || word.contains("走访")
        || word.contains("沟通")
        || word.contains("面谈")
    {
        return Some(Measure::ContactRate);
    }
    Some(Measure::ReplyRate)
}

/// Words that make a rate a goal.
pub static TARGET_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("力争|确保(?:[^了]|$)|目标|要求|争取|力求|做到(?:[^了]|$)|务必|努力实现|必须")
        .expect("target regex")
});

/// Words before a count that make it no count of items handled (shares, differences,
/// letters, sub-batches, converted items, other categories).
pub static COUNT_SKIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("占|比上年|较上年|比去年|较去年|同比|增加|减少|增长|下降|不予|来信|闭会期间|其他|其它|转为|转建议|\\(除|每一|逐件|逐一|任何|其中一")
        .expect("skip regex")
});

/// Words before a rate that make it no handling rate.
pub static RATE_SKIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("占|比上年|较上年|同比|增长|下降|提高了|立案率|占比").expect("rate skip regex")
});

/// Nouns for things other than suggestions and proposals; a count of them is no fact unless
/// the kind of item is named.
pub static OTHER_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("案件|工单|来信|来电|信件|诉求|事项|项目|人次|家企业|户").expect("other items regex")
});
