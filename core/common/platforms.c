/* The specification's tables, the one copy in the source: the prefix
 * allocation table, the categories, the two special codes and the generic
 * 5-digit error IDs.  Every other view (lookup, listings, export) reads
 * them through the functions at the bottom. */
#include "common/spec.h"
#include "common/sized.h"

#include <string.h>

/* Category boundaries, by prefix. */
static const struct category_row {
    int first, last;
    enum bkerr_category cat;
    const char *name_zh, *name_en;
} categories[] = {
    {10, 29, BKERR_CAT_PLATFORM, "平台类", "platform"},
    {30, 49, BKERR_CAT_SAAS, "SaaS 后台", "SaaS back end"},
    {50, 79, BKERR_CAT_PUBLIC, "公共服务", "public service"},
    {80, 98, BKERR_CAT_THIRD_PARTY, "第三方 SaaS", "third-party SaaS"},
    {99, 99, BKERR_CAT_COMMON, "蓝鲸体系通用服务", "BlueKing-wide service"},
};

/* The allocation table, row by row as the spec gives it, indexed by
 * prefix so a lookup without a registry reads its row directly.  Slots the
 * spec lists without an id (18, 27, 28, 33, 34, 37, 59, 81) and prefixes it
 * does not list at all are unassigned.  The spec names no id for 99; bkerr calls
 * it "blueking".  English names are bkerr's own; the spec has none. */
static const struct bk_spec_platform platforms[BK_PREFIX_SLOTS] = {
    [10] = {10, "gse", "管控平台", "GSE control platform"},
    [11] = {11, "cmdb", "配置平台", "Configuration platform (CMDB)"},
    [12] = {12, "job", "作业平台", "Job platform"},
    [13] = {13, "paas", "PaaS 平台 2.0-开发者中心", "PaaS 2.0 developer center"},
    [14] = {14, "bcs", "容器管理平台", "Container management platform (BCS)"},
    [15] = {15, "bkbase", "计算平台（含 AIOps 平台）", "Computing platform (with AIOps)"},
    [16] = {16, "bkapigw", "API 网关", "API gateway"},
    [17] = {17, "bkm", "移动", "Mobile"},
    [19] = {19, "bk_iam", "权限中心 SaaS", "IAM SaaS"},
    [20] = {20, "bk_devops", "蓝盾公共", "BK-DevOps common"},
    [21] = {21, "bk_ci", "蓝盾 CI", "BK-CI"},
    [22] = {22, "bk_approval", "权限中心", "Approval center"},
    [23] = {23, "bk_codecc", "代码检查平台", "Code check platform (CodeCC)"},
    [24] = {24, "bk_turbo", "编译加速平台", "Build acceleration platform (Turbo)"},
    [25] = {25, "bk_repo", "制品库平台", "Artifact repository"},
    [26] = {26, "bk_teamwork", "项目管理平台", "Project management platform"},
    [29] = {29, "bk_audit", "审计中心", "Audit center"},
    [30] = {30, "fta", "故障自愈后台", "Fault self-healing back end (FTA)"},
    [31] = {31, "bkarchiva", "包管理后台", "Package management back end"},
    [32] = {32, "usermgr", "用户管理", "User management"},
    [35] = {35, "bk_sops", "标准运维", "Standard operations (SOPS)"},
    [36] = {36, "bk_log_search", "日志平台", "Log platform"},
    [38] = {38, "bk_nodeman", "节点管理", "Node management"},
    [39] = {39, "itsm", "流程服务", "IT service management (ITSM)"},
    [40] = {40, "bscp", "服务配置平台", "Service configuration platform (BSCP)"},
    [41] = {41, "gsekit", "GSEKit", "GSEKit"},
    [42] = {42, "gem", "GEM", "GEM"},
    [43] = {43, "bk_paas3", "PaaS 平台 3.0-开发者中心", "PaaS 3.0 developer center"},
    [50] = {50, "redis", NULL, "Redis"},
    [51] = {51, "es", NULL, "Elasticsearch"},
    [52] = {52, "MySQL", NULL, "MySQL"},
    [53] = {53, "zk", NULL, "ZooKeeper"},
    [54] = {54, "kafka", NULL, "Kafka"},
    [55] = {55, "rabbitmq", NULL, "RabbitMQ"},
    [56] = {56, "activemq", NULL, "ActiveMQ"},
    [57] = {57, "beanstalk", NULL, "Beanstalk"},
    [58] = {58, "consul", NULL, "Consul"},
    [80] = {80, "gene", "可源网络管理后台", "Gene network management back end"},
    [82] = {82, "VRIP", "虚拟资源&IP管理系统", "Virtual resource & IP management (VRIP)"},
    [83] = {83, "sam", "系统账户管理产品", "System account management (SAM)"},
    [86] = {86, "bkvision", "图表平台", "Chart platform (BK-Vision)"},
    [87] = {87, "bkdbm", "DB管理平台", "DB management platform (DBM)"},
    [88] = {88, "cw_saas", "嘉为科技产品", "Canway products"},
    [99] = {99, "blueking", "蓝鲸体系通用服务", "BlueKing-wide services"},
};

static const struct bk_text_row specials[] = {
    {-1, "系统繁忙", "System busy",
     "服务暂时过载或依赖不可用：稍等片刻后重试；持续出现时检查服务及其依赖的健康状态。",
     "The service is overloaded or a dependency is down: retry after a short "
     "wait, and check the health of the service and its dependencies if it "
     "persists."},
    {0, "请求成功", "Success", NULL, NULL},
};

/* The spec's example error IDs: the last five digits of a code, meaning the
 * same under every prefix.  The spec also lists 60103, 60104 and "02 001"
 * with no name; having nothing to say, they are not here. */
static const struct bk_text_row generics[] = {
    {4000, "请求参数非法", "Invalid request parameter",
     "缺少必填参数或参数格式不对：对照接口文档检查请求，响应的 message 字段会指出具体参数。",
     "A required parameter is missing or malformed: check the request against "
     "the API documentation; the response's message field names the parameter."},
    {4600, "协议不支持", "Protocol not supported",
     "请求使用了接口不支持的协议或方法，请按接口文档调整。",
     "The request uses a protocol or method the API does not support; follow "
     "the API documentation."},
    {5000, "资源不存在", "Resource not found",
     "确认资源 ID 正确、资源未被删除或退还，且属于当前用户可访问的范围。",
     "Make sure the resource ID is right, the resource has not been deleted or "
     "returned, and the caller may access it."},
    {6100, "版本暂不支持", "Not supported in this version",
     "当前版本未提供该接口或接口在维护中；先确认接口域名是否正确（不同模块域名可能不同）。",
     "This version does not offer the API or it is under maintenance; first "
     "check the API's domain name, which can differ between modules."},
    {6200, "接口暂时无法访问", "API temporarily unavailable",
     "接口正在停服维护，请稍后重试。",
     "The API is down for maintenance; retry later."},
    {60105, "邮箱不合法", "Invalid email address", NULL, NULL},
    {60106, "邮箱已存在", "Email address already exists", NULL, NULL},
    {60108, "微信号已存在", "WeChat ID already exists", NULL, NULL},
    {60109, "QQ号已存在", "QQ number already exists", NULL, NULL},
};

const struct bk_spec_platform *bk_spec_platform(int prefix)
{
    if (prefix < 0 || prefix >= BK_PREFIX_SLOTS || !platforms[prefix].id)
        return NULL;
    return &platforms[prefix];
}

const struct bk_spec_platform *bk_spec_platform_by_id(const char *id)
{
    for (size_t i = 0; i < BKERR_COUNT_OF(platforms); i++)
        if (platforms[i].id && strcmp(platforms[i].id, id) == 0)
            return &platforms[i];
    return NULL;
}

enum bkerr_category bk_category_of(int prefix)
{
    for (size_t i = 0; i < BKERR_COUNT_OF(categories); i++)
        if (prefix >= categories[i].first && prefix <= categories[i].last)
            return categories[i].cat;
    return BKERR_CAT_NONE;
}

const char *bkerr_category_name(enum bkerr_category cat, enum bkerr_lang lang)
{
    if (cat == BKERR_CAT_SPECIAL)
        return lang == BKERR_LANG_EN ? "special" : "特殊码";
    for (size_t i = 0; i < BKERR_COUNT_OF(categories); i++)
        if (categories[i].cat == cat)
            return lang == BKERR_LANG_EN ? categories[i].name_en
                                         : categories[i].name_zh;
    return lang == BKERR_LANG_EN ? "none" : "无";
}

static const struct bk_text_row *find_row(const struct bk_text_row *rows,
                                          size_t n, int64_t key)
{
    for (size_t i = 0; i < n; i++)
        if (rows[i].key == key)
            return &rows[i];
    return NULL;
}

const struct bk_text_row *bk_special(int64_t code)
{
    return find_row(specials, BKERR_COUNT_OF(specials), code);
}

const struct bk_text_row *bk_generic(int64_t suffix)
{
    return find_row(generics, BKERR_COUNT_OF(generics), suffix);
}

static int put_spec_code(const struct bk_text_row *rows, size_t n, size_t i,
                         struct bkerr_spec_code *out)
{
    if (!bk_sized_ok(out, sizeof *out))
        return BKERR_EINVAL;
    if (i >= n)
        return BKERR_ENOTFOUND;
    const struct bk_text_row *r = &rows[i];
    struct bkerr_spec_code v = {sizeof v, r->key, r->name_zh, r->name_en,
                                r->advice_zh, r->advice_en};
    bk_sized_put(out, &v, sizeof v);
    return 0;
}

int bkerr_special(size_t i, struct bkerr_spec_code *out)
{
    return put_spec_code(specials, BKERR_COUNT_OF(specials), i, out);
}

int bkerr_generic(size_t i, struct bkerr_spec_code *out)
{
    return put_spec_code(generics, BKERR_COUNT_OF(generics), i, out);
}

int bkerr_category(size_t i, struct bkerr_category_info *out)
{
    if (!bk_sized_ok(out, sizeof *out))
        return BKERR_EINVAL;
    if (i > BKERR_COUNT_OF(categories))
        return BKERR_ENOTFOUND;
    struct bkerr_category_info v = {sizeof v, BKERR_CAT_SPECIAL, 0, 0,
                                    bkerr_category_name(BKERR_CAT_SPECIAL,
                                                        BKERR_LANG_ZH_CN),
                                    bkerr_category_name(BKERR_CAT_SPECIAL,
                                                        BKERR_LANG_EN)};
    if (i > 0) { /* the specials first, as the enum orders them */
        const struct category_row *c = &categories[i - 1];
        v = (struct bkerr_category_info){sizeof v, c->cat, c->first, c->last,
                                         c->name_zh, c->name_en};
    }
    bk_sized_put(out, &v, sizeof v);
    return 0;
}
