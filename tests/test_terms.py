"""Tifa extraction: known formulas with exact counts, unseen numbered formulas by shape."""

from __future__ import annotations

import pytest

import tifalens
from tifalens.components.terms import FormulaFinder

SEED_COUNTS = {
    "两个确立": 3,
    "两个维护": 2,
    "四个意识": 2,
    "四个自信": 2,
    "七个有之": 1,
    "两面人": 1,
    "四必": 1,
    "双签字": 1,
    "带病提名": 2,
    "带病当选": 2,
    "十严禁": 1,
    "三上三下": 1,
    "三大攻坚战": 1,
    "四位一体": 1,
    "四史": 1,
    "双减": 1,
}


def terms(result) -> dict[str, dict]:
    return {t["term"]: t for t in result.to_dict()["terms"]}


def test_seed_known_terms_exact_counts(seed_result):
    found = terms(seed_result)
    assert {k: found[k]["count"] for k in SEED_COUNTS} == SEED_COUNTS
    assert all(found[k]["known"] for k in SEED_COUNTS)
    assert found["双高"]["known"] is False
    assert found["双高"]["evidence"] == ["quoted"]
    assert found["双高"]["count"] == 1


def test_seed_reports_no_ordinary_quantity(seed_result):
    found = set(terms(seed_result))
    for quantity in ("38个选举单位", "40个少数民族", "三分之一", "2296名", "31个省区市", "6个方面", "十九大", "二十大"):
        assert not any(quantity in t or t in quantity for t in found), quantity


def test_duplicates_excluded_by_default(seed_path):
    default = terms(tifalens.analyze(path=seed_path))
    kept = terms(tifalens.analyze(path=seed_path, nlp=tifalens.load(keep_duplicates=True)))
    assert default["四史"]["count"] == 1
    assert kept["四史"]["count"] == 2


def test_occurrence_offsets_match_text_and_original(seed_result):
    src = seed_result.source
    for t in seed_result.to_dict()["terms"]:
        for occ in t["occurrences"]:
            assert src.text[occ["start"] : occ["end"]] == occ["form"]
            assert src.original[occ["orig_start"] : occ["orig_end"]] == occ["form"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我们四必须坚持原则", {}),
        ("落实“四必”核查要求", {"四必": 1}),
        ("两会儿就到", {}),
        ("开好两会，迎接两会", {"两会": 2}),
        ("增强“四个意识”、坚定“四个自信”", {"四个意识": 1, "四个自信": 1}),
        # a variant counts under its canonical form
        ("坚持稳中求进工作总基调，牢牢把握五个重大原则，统筹发展与安全", {"稳中求进": 1, "五个重大原则": 1, "统筹发展和安全": 1}),
        # a formula whose first words are quoted, and its short form; not 一中 before 原则上
        ("坚持“一个中国”原则和一中原则。北京十一中原则上不招收。", {"一个中国原则": 2}),
        ("实施“千村示范、万村整治”工程，深化“千万工程”经验。", {"千万工程": 2}),
        # the guiding ideologies; 新时代“枫桥经验” is 枫桥经验
        ("坚持马克思列宁主义、毛泽东思想、邓小平理论，发展新时代“枫桥经验”，牢记“九个必须”。", {"马克思列宁主义": 1, "毛泽东思想": 1, "邓小平理论": 1, "枫桥经验": 1, "九个必须": 1}),
        # the army's formulas
        ("坚持“五个更加注重”，落实“四铁”要求。", {"五个更加注重": 1, "四铁": 1}),
        # the 2024 wording of rural revitalisation is a formula of its own
        ("全面推进乡村振兴，推进乡村全面振兴。", {"乡村振兴战略": 1, "乡村全面振兴": 1}),
        # a known formula inside a longer one is no use of it (双带 in 双培双带)
        ("实施“双培双带”工程，提升“双带”能力。", {"双培双带": 1, "双带": 1}),
        # the basis of China–US relations, with its partners named and without
        ("严重违背一个中国原则和中美三个联合公报规定，恪守三个联合公报。", {"一个中国原则": 1, "中美三个联合公报": 2}),
        # Xi's thought as he names it himself, and in full once
        ("要坚持以新时代中国特色社会主义思想为指导，学习习近平新时代中国特色社会主义思想。", {"习近平新时代中国特色社会主义思想": 2}),
        # a formula inside an organisation's name is the name, not a use of the formula
        ("中央全面深化改革委员会召开会议，强调全面深化改革。", {"全面深化改革": 1}),
        # the three noes said out, 两山论, and formulas of 2018-2024
        ("心怀“国之大者”，一体推进不敢腐不能腐不想腐，践行两山论，做到三个“一以贯之”，围绕七个聚焦。", {"国之大者": 1, "三不腐": 1, "两山": 1, "三个一以贯之": 1, "七个聚焦": 1}),
        # spirits named by a count, quoted whole or only the count (“两路”精神), and the party's four selves
        ("弘扬“三牛精神”，发扬“四千精神”，弘扬“两路”精神，做到“四个自我”。", {"三牛精神": 1, "四千精神": 1, "两路精神": 1, "四个自我": 1}),
        # the principles of the 2024 reform decision, not the six musts of 2022
        ("坚持以“六个坚持”为重大原则，把握好“六个必须坚持”。", {"六个坚持": 1, "六个必须坚持": 1}),
        # rural reform and poverty formulas, and tasks set to provinces: “三变”改革 is 三变改革, not an unseen 三变
        ("推进“三变”改革，开展万企帮万村行动，实行一事一议，落实“三高四新”战略，实现“四个走在全国前列”。", {
            "三变改革": 1, "万企帮万村": 1, "一事一议": 1, "三高四新": 1, "四个走在全国前列": 1,
        }),
        # goals of the twentieth congress and after; 统一大市场 is 全国统一大市场, and the longer slogan holds 人民城市
        ("建设教育强国、科技强国、人才强国和金融强国，建设统一大市场，坚持先立后破，坚持人民城市人民建、人民城市为人民。", {
            "教育强国": 1, "科技强国": 1, "人才强国": 1, "金融强国": 1, "全国统一大市场": 1, "先立后破": 1, "人民城市人民建、人民城市为人民": 1,
        }),
        # the principles of economic work set in December 2023, said as a run
        ("坚持稳中求进、以进促稳、先立后破。", {"稳中求进": 1, "以进促稳": 1, "先立后破": 1}),
        # a listed form's quotation marks written as Hong Kong, Taiwan and web pages write them
        ("坚持「一个中国」原则，增强『四个意识』，坚持\"一个中国\"原则。", {"一个中国原则": 2, "四个意识": 1}),
    ],
)
def test_word_boundaries(nlp, text, expected):
    result = tifalens.analyze(text, nlp=nlp)
    assert {k: v["count"] for k, v in terms(result).items() if v["known"]} == expected


def test_longer_known_term_counts_once(nlp, tmp_path):
    lex = tmp_path / "extra.tsv"
    lex.write_text("term\tcategory\n两个确立的决定性意义\tloyalty\n", encoding="utf-8")
    nlp2 = tifalens.load(lexicons=[lex])
    found = terms(tifalens.analyze("深刻领悟两个确立的决定性意义，坚持两个确立。", nlp=nlp2))
    assert found["两个确立的决定性意义"]["count"] == 1
    assert found["两个确立"]["count"] == 1


def test_unnumbered_and_historical_formulas_are_known(nlp):
    # 专精特新 has no number for the pattern finder; 两个不能否定 is also written with its quoted half
    found = terms(tifalens.analyze("培育专精特新“小巨人”企业326家。坚持两个“不能否定”，正确看待两个不能否定。", nlp=nlp))
    assert (found["专精特新"]["count"], found["专精特新"]["category"], found["专精特新"]["first_used"]) == (1, "economy", 2011)
    assert found["专精特新"]["expansion"] == "专业化、精细化、特色化、新颖化"
    assert (found["两个不能否定"]["count"], found["两个不能否定"]["first_used"]) == (2, 2013)
    # slogans tracked as formulas, a longer variant counted under the short form
    found = terms(tifalens.analyze("坚持以人民为中心的发展思想，坚持人民至上，建设社会主义文化强国，实现中华民族伟大复兴。", nlp=nlp))
    assert {t: (v["count"], v["category"]) for t, v in found.items()} == {
        "以人民为中心": (1, "ideology"), "人民至上": (1, "social"), "文化强国": (1, "development"), "中华民族伟大复兴": (1, "ideology"),
    }


def test_a_numbered_formula_counted_in_a_series_is_no_use_of_it(nlp):
    # flags counted (五面红旗, 三面红旗, 两面红旗), not the 三面红旗 of 1958; a formula and the one it grew from is
    # no series, nor is the formula quoted among others
    counted = "全市评定红旗200面，其中获得五面红旗的嘎查村4个，三面红旗的嘎查村9个，两面红旗的嘎查村23个。"
    assert terms(tifalens.analyze(counted, nlp=nlp)) == {}
    assert sorted(terms(tifalens.analyze("总书记把三大赤字发展为四大赤字。高举三面红旗。", nlp=nlp))) == ["三面红旗", "四大赤字"]
    assert terms(tifalens.analyze("从“一面红旗”“两面红旗”到“三面红旗”。", nlp=nlp))["三面红旗"]["known"] is True


def test_a_numeral_inside_a_word_opens_no_group_of_an_unseen_formula(nlp):
    # 统一, 唯一, 千方百计 hold their numeral; 三抓三促 and 一企一策 are formulas though the segmenter reads 抓三 as a guess
    text = "在场所门口一侧统一悬挂。二要统一生态补偿方式标准。这是双方唯一正确选择。四要千方百计。开展三抓三促，实行一企一策。"
    assert sorted(terms(tifalens.analyze(text, nlp=nlp))) == ["一企一策", "三抓三促"]


def test_terms_are_single_tokens(nlp):
    doc = nlp("坚持三上三下，落实三去一降一补，实现两不愁三保障。")
    assert "三上三下" in [t.text for t in doc]
    assert all(len(s) == 1 for s in doc.spans["tifa"] if s._.known)


@pytest.fixture(scope="module")
def finder(nlp):
    return FormulaFinder(is_word=nlp.tokenizer.is_word, is_idiom=nlp.tokenizer.is_idiom, frequency=nlp.tokenizer.word_frequency)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("实现“两不愁三保障”。", [("两不愁三保障", ("quoted", "paired"), 1.0)]),
        ("落实“四个不摘”要求", [("四个不摘", ("quoted", "numbered"), 0.75)]),
        ("推进三去一降一补", [("三去一降一补", ("paired",), 0.5)]),
        ("建言数量质量“双高”的特点", [("双高", ("quoted",), 0.55)]),
        ("实行“一村一策”，推进“一村一策”", [("一村一策", ("quoted", "paired", "repeated"), 1.0)] * 2),
        ("弘扬“四千四万”精神", [("四千四万", ("quoted",), 0.55)]),
        ("推进“一核多元”治理", [("一核多元", ("quoted",), 0.55)]),
        ("建设“一点一线多馆”", [("一点一线多馆", ("quoted",), 0.55)]),
        ("构建“1+N”政策体系，推行“1+X”证书制度", [("1+N", ("quoted",), 0.55), ("1+X", ("quoted",), 0.55)]),
        ("做到“三个到位”", [("三个到位", ("quoted", "numbered"), 0.75)]),
        # numbered formulas listed in one pair of quotation marks, too long for one name, are each a formula;
        # a short list is one name, and a list of things that are no formulas' shape is none
        ("提出“两个确保、三个提升、两个强化”。", [
            ("两个确保", ("quoted", "numbered"), 0.75), ("三个提升", ("quoted", "numbered"), 0.75), ("两个强化", ("quoted", "numbered"), 0.75),
        ]),
        ("开展“三亮、三比、三评”活动", [("三亮、三比、三评", ("quoted",), 0.55)]),
        ("总书记“一次登岛、两次回信”", []),
        # quoted, a place's head after a modifier is a noun of its own (强省), though the dictionary lacks it
        ("实施“六大强省”战略", [("六大强省", ("quoted", "numbered"), 0.75)]),
        # an idiom quoted for emphasis counts against it: only paired and repeated is it reported
        ("要“一呼百应”，做到“一呼百应”", [("一呼百应", ("quoted", "paired", "repeated", "idiom"), 0.6)] * 2),
        # an everyday word (jieba counts 三重 231 times) quoted again and again is a local formula; a rare one
        # the dictionary holds (三资 48) is one when quoted once
        ("在“三重”一线打造支部，在“三重”一线构筑堡垒", [("三重", ("quoted", "repeated", "common"), 0.5)] * 2),
        ("抓好“三资”管理", [("三资", ("quoted",), 0.55)]),
    ],
)
def test_unseen_formulas(finder, text, expected):
    assert [(c.text, c.evidence, c.confidence) for c in finder.find(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["全国38个选举单位", "约占三分之一", "涵盖40个少数民族", "出席二十大代表", "一心一意谋发展", "一个一个地落实", "党的十九届六中全会", "做到两个方面", "“12380”举报电话", "两岸双方", "七上八下", "三番五次", "新品牌“五百亩”草莓", "“十元”店", "当好“一把手”", "全省“一盘棋”", "防止“一刀切”", "“七一”前夕", "比分“3:2”", "“2+”", "美朝双方就一系列问题", "评分八至十分", "希望“十分渺茫”", "“三个多月”", "“两名”", "“一家人”", "班子“一班人”", "“一对多”帮扶", "“两个省”", "建党“七十周年”", "要“百花齐放”", "打破“一潭死水”", "做到“四通八达”", "“十年磨一剑”", "实现“双赢”", "扫“二维码”", "发挥“两个”作用", "社会生活的“百科全书”", "“五四运动”以来", "推出“一批”举措", "三季度一定打翻身仗", "和同事一起第一时间办理"],
)
def test_ordinary_quantities_and_idioms_are_not_formulas(finder, text):
    assert finder.find(text) == []


def test_unseen_spans_on_doc(nlp):
    doc = nlp("采取“三山五园”保护办法，推进一区一策。")
    unseen = [(s.text, s._.known, s._.evidence) for s in doc.spans["tifa"] if not s._.known]
    assert unseen == [("三山五园", False, ["quoted", "paired"]), ("一区一策", False, ["paired"])]
    doc = nlp("构建“1+N”政策体系。")
    assert [(s.text, s._.known, [t.text for t in s]) for s in doc.spans["tifa"]] == [("1+N", False, ["1", "+", "N"])]
    # the pipeline's segmenter says what is an idiom
    doc = nlp("要“百花齐放”，推进“一区一策”。")
    assert [s.text for s in doc.spans["tifa"]] == ["一区一策"]


# -- glosses: the text's own spelling-out of a formula ------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "items"),
    [
        # an explicit lead; the last item split at its conjunction
        ("要增强“四个意识”，即政治意识、大局意识、核心意识和看齐意识。", "四个意识", ["政治意识", "大局意识", "核心意识", "看齐意识"]),
        # in brackets after the formula's noun; 一 of 统一 leads no group, so two items, split at the comma
        (
            "部门全面行使“两统一”职责（即统一行使资源资产所有者职责，统一行使国土空间用途管制和生态保护修复职责）。",
            "两统一",
            ["统一行使资源资产所有者职责", "统一行使国土空间用途管制和生态保护修复职责"],
        ),
        # all the numerals together (2 + 3); a comma inside an item of the coarser reading is a separator
        ("实现“两不愁三保障”（不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障）。", "两不愁三保障", ["不愁吃", "不愁穿", "义务教育", "基本医疗", "住房安全有保障"]),
        # after a colon: parallel items, the sentence going on after the last one
        ("全面推行“四定”：定人员、定范围、定任务、定考核，接受职工群众监督。", "四定", ["定人员", "定范围", "定任务", "定考核"]),
        # a gloss inside brackets ends at the bracket that closes them; a quoted list is the gloss
        ("以“五中心”建设（“五中心”即便民服务中心、综治中心、文体中心、卫生中心、志愿中心）为突破口。", "五中心", ["便民服务中心", "综治中心", "文体中心", "卫生中心", "志愿中心"]),
        ("推行“两带两创”：“党组织带党员创效、党员带群众创新”，成效明显。", "两带两创", ["党组织带党员创效", "党员带群众创新"]),
        # a numeral that ends the formula leads no group (三个一: 3), and 即 may follow the formula's noun and a comma
        ("我们推出了“三个一”工程，即一个中心、一支队伍、一套机制。", "三个一", ["一个中心", "一支队伍", "一套机制"]),
        # the list ends where it is counted (这三方面, 等八个…)
        ("实现“三方共赢”，即股东、员工、社会这三方面共赢。", "三方共赢", ["股东", "员工", "社会"]),
        # before the formula, which points back to it: the sentence before, its first item cut where the
        # others' first word starts (全党同志|务必…)
        (
            "全党同志务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争。这“三个务必”，是殷切希望。",
            "三个务必",
            ["务必不忘初心、牢记使命", "务必谦虚谨慎、艰苦奋斗", "务必敢于斗争、善于斗争"],
        ),
        # the last clause before it, cut to the others' length when they are of one length and end alike
        ("落实从严治党要求，着力推进核心工程、堡垒工程、先锋工程、清风工程这“四大工程”。", "四大工程", ["核心工程", "堡垒工程", "先锋工程", "清风工程"]),
        # the quoted words right before it; a list it names (即)
        ("他说，王杰“在荣誉上不伸手，在待遇上不伸手，在物质上不伸手”，这“三不伸手”值得学习。", "三不伸手", ["在荣誉上不伸手", "在待遇上不伸手", "在物质上不伸手"]),
        ("把党组织建在产业链上、把党员聚在产业链上，即“双建双链”。", "双建双链", ["把党组织建在产业链上", "把党员聚在产业链上"]),
        # a list that 等 closes, counted by the formula after it; a paragraph indented with white space
        ("推动政策沟通、设施联通、贸易畅通、资金融通、民心相通等“五通”。", "五通", ["政策沟通", "设施联通", "贸易畅通", "资金融通", "民心相通"]),
        ("\t\u3000\u3000标准将组织力细化为政治领导力、发展推动力、社会服务力等“三个力”。", "三个力", ["政治领导力", "发展推动力", "社会服务力"]),
        # quoted right after the list it counts, with no word between; for a formula the lexicon knows, one that agrees
        ("做好科技金融、绿色金融、普惠金融、养老金融、数字金融“五篇大文章”。", "五篇大文章", ["科技金融", "绿色金融", "普惠金融", "养老金融", "数字金融"]),
        ("建成有场所、有设施、有标志、有党旗、有书报、有制度“六有”活动室。", "六有", ["有场所", "有设施", "有标志", "有党旗", "有书报", "有制度"]),
        ("推行由党员担任网格长、楼栋长、单元长“三长”制。", "三长", ["网格长", "楼栋长", "单元长"]),  # (the last items of the clause)
        # 就是 opens a gloss as a colon does: parallel items only
        ("“两个确保”就是确保国家粮食安全、确保不发生规模性返贫。", "两个确保", ["确保国家粮食安全", "确保不发生规模性返贫"]),
    ],
)
def test_glosses(nlp, text, term, items):
    found = {t["term"]: t for t in tifalens.analyze(text, nlp=nlp).to_dict()["terms"]}
    gloss = found[term]["gloss"]
    assert gloss["items"] == items
    assert text[gloss["start"] : gloss["end"]] == gloss["text"]
    assert gloss["text"].startswith(items[0]) and gloss["text"].endswith(items[-1])
    assert found[term]["occurrences"][-1]["gloss"] == gloss or found[term]["occurrences"][0]["gloss"] == gloss


@pytest.mark.parametrize(
    "text",
    [
        "牢固树立“四个意识”。坚定“四个自信”：我们有信心。",  # no list, or not as many items
        "数据证明“两个健康”：鼎庆公司多年来累计捐款1400多万元，国信集团每年把利润的5%注入基金。",  # a colon opening an example
        "出版《共建“一带一路”：理念、实践与中国的贡献》。",  # a title's colon
        "落实“双百分”：促成巴以签署和平协议。",  # 和 of 和平 is no conjunction
        "所用两委干部非亲即友。以“三推”“三不变”为载体，即推行学习方法，推行先锋岗制度，推荐员工入党。",  # 即 inside an idiom; a verb after the formula
        # before a formula: clauses that do not read as one list, a list of another count, one going on past its end
        "会议强调，要抓好学习教育。这“两个确立”具有决定性意义。他说，工作很忙，任务很重。这“两个维护”十分重要。",
        "提升战斗力、执行力及问题解决率、群众满意率（以下简称“两力两率”），开展活动。",
        "推进全员育人、全过程育人、全方位育人综合改革试点工作，即“三全育人”。",
        # 等 after a list of another count: the list is not all of it
        "增强政治意识、大局意识等“四个意识”。",
        "“四个意识”就是我们的根本要求、行动指南。",  # after 就是, items that are not parallel
        # right before a quoted formula: two alike words, the list of a verb whose object it is, a list its expansion denies
        "选好村干部、村“两委”班子。",
        "关于疫情、关于二战胜利、关于打击利用互联网传播“三股势力”思想的声明。",
        "坚持总体国家安全观、坚持党对人民军队的绝对领导、坚持“一国两制”。",
    ],
)
def test_no_gloss(nlp, text):
    assert all(t["gloss"] is None for t in tifalens.analyze(text, nlp=nlp).to_dict()["terms"])


def test_gloss_offsets_in_the_original(tmp_path, nlp):
    path = tmp_path / "g.txt"
    path.write_bytes("\ufeff标题\r\n\r\n增强“四个意识”，即政治意识、大局意识、核心意识和看齐意识。\r\n".encode("utf-8"))
    result = tifalens.analyze(path=path, nlp=nlp)
    gloss = next(t for t in result.to_dict()["terms"] if t["term"] == "四个意识")["gloss"]
    assert result.source.original == path.read_bytes().decode("utf-8-sig")  # the original: BOM removed, CRLF kept
    assert result.source.original[gloss["orig_start"] : gloss["orig_end"]] == "政治意识、大局意识、核心意识和看齐意识"
    assert gloss["orig_start"] != gloss["start"]


def test_the_three_stages_of_a_formula_are_counted_apart_and_each_is_one_token(nlp):
    text = "2013年讲山水林田湖是一个生命共同体，后来讲山水林田湖草，如今统筹山水林田湖草沙系统治理。"
    doc = nlp(text)
    found = [(s.text, s._.canonical, s._.first_used) for s in doc.spans["tifa"]]
    assert found == [("山水林田湖是一个生命共同体", "山水林田湖", 2013), ("山水林田湖草", "山水林田湖草", 2017), ("山水林田湖草沙", "山水林田湖草沙", 2021)]
    assert all(len(s) == 1 for s in doc.spans["tifa"])
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == []  # (山水|林田湖|草沙 read 林田湖 as a name)


def test_formulas_in_web_page_leftovers_are_not_counted(nlp):
    text = "推进新质生产力发展\n【字体：大 中 小】 打印\n新华社北京2月1日电 发展新质生产力是推动高质量发展的内在要求。\n相关新闻\n加快发展新质生产力\n新质生产力的科学内涵\n"
    found = terms(tifalens.analyze(text, nlp=nlp))
    assert {k: v["count"] for k, v in found.items()} == {"新质生产力": 2, "高质量发展": 1}


def test_a_formula_with_two_senses_takes_the_one_its_neighbourhood_shows(nlp):
    economic = tifalens.analyze("今年安排超长期特别国债1万亿元，其中7000亿元用于“两重”建设，3000亿元用于“两新”工作。", nlp=nlp)
    party = tifalens.analyze("加强“两新”组织党建工作，扩大“两新”领域党的组织覆盖。", nlp=nlp)
    assert (terms(economic)["两新"]["category"], terms(economic)["两新"]["expansion"]) == ("economy", "推动大规模设备更新和消费品以旧换新")
    assert (terms(party)["两新"]["category"], terms(party)["两新"]["count"]) == ("party_building", 2)


def test_six_principles_of_reform_and_six_lessons_of_poverty_alleviation(nlp):
    reform = terms(tifalens.analyze("深入学习贯彻党的二十届三中全会精神，坚持以“六个坚持”为重大原则。", nlp=nlp))["六个坚持"]
    poverty = terms(tifalens.analyze("总书记对脱贫攻坚经验作了“六个坚持”的概括。", nlp=nlp))["六个坚持"]
    assert (reform["category"], reform["expansion"].split("，")[0]) == ("governance", "坚持党的全面领导")
    assert (poverty["category"], poverty["expansion"].split("，")[0]) == ("development", "坚持党的领导、强化组织保证")
    army = terms(tifalens.analyze("科学概括了我军党的建设的历史性成就和“六个坚持”宝贵经验。", nlp=nlp))["六个坚持"]
    assert (army["category"], army["expansion"], army["known"]) == ("party_building", None, True)  # (a list not written out here)


def test_tibet_s_four_great_tasks_and_four_ensures_beside_tibet_and_everyday_words_elsewhere(nlp):
    text = "全面贯彻新时代党的治藏方略，牢牢把握“四件大事”，努力实现“四个确保”。治国必治边、治边先稳藏。"
    found = terms(tifalens.analyze(text, nlp=nlp))
    assert (found["四件大事"]["expansion"], found["四个确保"]["expansion"].split("，")[0]) == ("稳定、发展、生态、强边", "确保国家安全和长久稳定")
    assert (found["新时代党的治藏方略"]["first_used"], found["治国必治边、治边先稳藏"]["count"]) == (2020, 1)
    elsewhere = terms(tifalens.analyze("今年要办好这四件大事。", nlp=nlp))["四件大事"]
    assert (elsewhere["known"], elsewhere["expansion"]) == (True, None)
    assert set(terms(tifalens.analyze("深入贯彻新时代党的治疆方略，坚持文化润疆。", nlp=nlp))) == {"新时代党的治疆方略", "文化润疆"}


def test_a_formula_in_the_name_of_a_local_partys_commission_is_the_name(nlp):
    text = "省委书记、省委全面深化改革委员会主任主持召开省委全面深化改革委员会第十三次会议，强调要深刻认识全面深化改革的新任务。"
    assert terms(tifalens.analyze(text, nlp=nlp))["全面深化改革"]["count"] == 1
