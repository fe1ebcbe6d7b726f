"""Tables for pinyin: the standard syllables, compound surnames and surname readings."""

from __future__ import annotations

#: Toneless standard syllables (ü written as ü); used to split joined words.
SYLLABLE_TABLE = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu
    ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou
    chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang
    dao de dei den deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en
    eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou
    gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai
    huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai
    kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao
    le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lü lüe
    ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang
    nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nü nüe
    o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang
    qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan
    rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi
    shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan
    tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei
    wen weng wo wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan
    yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha
    zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
    zhun zhuo zi zong zou zu zuan zui zun zuo
"""
SYLLABLES = frozenset(SYLLABLE_TABLE.split())

#: Compound surnames (复姓) and their readings.
COMPOUND_SURNAME_TABLE = """
    欧阳:ōuyáng 司马:sīmǎ 诸葛:zhūgě 上官:shàngguān 司徒:sītú 东方:dōngfāng 皇甫:huángfǔ
    尉迟:yùchí 公孙:gōngsūn 慕容:mùróng 夏侯:xiàhóu 令狐:línghú 长孙:zhǎngsūn 宇文:yǔwén
    澹台:tántái 轩辕:xuānyuán 万俟:mòqí 端木:duānmù 西门:xīmén 南宫:nángōng 独孤:dúgū
    呼延:hūyán 闻人:wénrén 申屠:shēntú 公冶:gōngyě 太史:tàishǐ 钟离:zhōnglí 宗政:zōngzhèng
    濮阳:púyáng 淳于:chúnyú 单于:chányú 赫连:hèlián 司空:sīkōng 拓跋:tuòbá 百里:bǎilǐ
    公羊:gōngyáng 乐正:yuèzhèng 漆雕:qīdiāo 左丘:zuǒqiū 东郭:dōngguō 第五:dìwǔ
"""
COMPOUND_SURNAMES = dict(item.split(":", 1) for item in COMPOUND_SURNAME_TABLE.split())

#: Single-character surnames whose surname reading differs from pypinyin's default.
SURNAME_TABLE = """
    单:shàn 曾:zēng 解:xiè 仇:qiú 区:ōu 朴:piáo 查:zhā 盖:gě 乐:yuè 缪:miào
    覃:qín 种:chóng 召:shào 翟:zhái 任:rén 华:huà 纪:jǐ 过:guō 员:yùn 繁:pó
    秘:bì 隗:wěi 祭:zhài 折:shé 句:gōu 长:cháng 沈:shěn 卜:bǔ 尉:wèi
"""
SURNAME_READINGS = dict(item.split(":", 1) for item in SURNAME_TABLE.split())

#: Readings of characters inside given names that differ from pypinyin's default.
GIVEN_NAME_READINGS = {"栅": "shān"}

#: Names written as one word (GB/T 28039: mythological and single-unit names): Nǚwā.
SINGLE_UNIT_NAMES = frozenset(
    [
        "女娲",
        "盘古",
        "伏羲",
        "神农",
        "嫦娥",
        "后羿",
        "精卫",
        "夸父",
        "哪吒",
        "共工",
        "祝融",
        "黄帝",
        "炎帝",
        "蚩尤",
        "刑天",
        "大禹",
    ]
)
