//! The sector table: each line of work as SCHEMA writes it, with the names agencies of that
//! line are written with (longest first within a sector), and a note where a name needs one.

/// Sectors and the names agencies are written with.
pub(super) const SECTORS: &[(&str, &[&str])] = &[
    ("人社", &["人力资源和社会保障", "人力资源社会保障", "人社"]),
    ("民政", &["民政"]),
    ("乡村振兴", &["乡村振兴"]),
    ("财政", &["财政"]),
    // 教体局: education merged with sports, named by both short forms.
    ("教育", &["教育和体育", "教育体育", "教体", "教育"]),
    // A body keeps the short form of its own name (SCHEMA), so the health and family-planning
    // commissions before 2018 are 卫计; a plain 卫生局 is 卫健 (dev's labels).
    ("卫健", &["卫生健康", "卫健", "卫生"]),
    ("卫计", &["卫生和计划生育", "卫生计生", "卫计"]),
    // Some cities merge urban management into the housing body (住房城乡建设管理委): the same
    // line of work, written with 管理 before its suffix.
    (
        "住建",
        &[
            "住房和城乡建设管理",
            "住房城乡建设管理",
            "住房和城乡建设",
            "住房城乡建设",
            "住建",
        ],
    ),
    ("交通运输", &["交通运输", "交通"]),
    ("农业农村", &["农业农村", "农业"]),
    ("自然资源", &["自然资源和规划", "自然资源"]),
    // Land-resources bureaus before 2018, by their own name.
    ("国土资源", &["国土资源"]),
    ("生态环境", &["生态环境"]),
    // Environmental protection bureaus before 2018 call themselves 环保 (环保局, 环保部).
    ("环保", &["环境保护", "环保"]),
    ("统计", &["统计"]),
    ("信访", &["信访"]),
    ("行政审批", &["行政审批服务", "行政审批"]),
    ("发改", &["发展和改革", "发展改革", "发改"]),
    // Traffic police (交警支队, 交警大队) are units of the public security bureau.
    ("公安", &["公安交通管理", "公安", "交警"]),
    ("司法", &["司法"]),
    // Culture bureaus merged with tourism, broadcasting or sports keep 文化…旅游 in their names.
    (
        "文旅",
        &[
            "文化广电体育和旅游",
            "文化广电和旅游",
            "文化广电旅游",
            "文化和旅游",
            "文化旅游",
            "文旅",
        ],
    ),
    ("市场监管", &["市场监督管理", "市场监管"]),
    ("水利", &["水利"]),
    // Water affairs bureaus are named 水务 in their own name (SCHEMA: the short form used).
    ("水务", &["水务"]),
    // Courts: "人民法" before the suffix 院. (Not "法" alone: a congress's report names the
    // courts it oversees, 市法院, as often as a court names itself.)
    ("法院", &["人民法"]),
    // Procuratorates: "人民检察" before the suffix 院; they are written 检察院, as courts 法院.
    ("检察院", &["人民检察"]),
    // State-asset commissions (国有资产监督管理委员会, 国资委), which answer for state firms.
    ("国资", &["国有资产监督管理", "国资"]),
    ("应急管理", &["应急管理"]),
    ("商务", &["商务"]),
    ("科技", &["科学技术", "科技"]),
    ("医保", &["医疗保障", "医保"]),
    // Named 退役军人事务局/部; the short form drops 事务 (退役军人局, 退役军人部门).
    ("退役军人", &["退役军人事务"]),
    // Forestry and grassland bureaus (since 2018) are 林草 by their own short form.
    ("林草", &["林业和草原", "林草"]),
    ("林业", &["林业"]),
    ("城管", &["城市管理", "城管"]),
    ("审计", &["审计"]),
    ("工信", &["工业和信息化", "经济和信息化", "工信", "经信"]),
    ("体育", &["体育"]),
    ("民宗", &["民族宗教事务", "民族宗教", "民宗"]),
    ("人防", &["人民防空", "人防"]),
    ("粮食", &["粮食和物资储备", "粮食"]),
    ("税务", &["税务"]),
];
