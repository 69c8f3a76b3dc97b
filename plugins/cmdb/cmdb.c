/* CMDB (配置平台, prefix 11): a hand-written catalog of a few real codes.
 * Codes, constants and messages are bk-cmdb's (errInfo.go and the
 * resources/errors JSON); the advice is ours.  It shows the plugin ABI
 * used directly; the full catalog comes from the catalog compiler. */
#include <bkerr/plugin.h>

static const struct bkerr_entry entries[] = {
    {1100001, "CCErrAPIGetAuthorizedAppListFromAuthFailed",
     "获取用户有权限的业务列表失败",
     "get user's authorized business list id from auth center failed.",
     "检查权限中心（bk_iam）是否可达，以及 CMDB 在权限中心的注册是否完成。",
     "Check that the IAM service is reachable and that CMDB is registered "
     "in it."},
    {1100004, "CCErrAPINoPassSourceCertification", "调用来源认证失败",
     "call source authentication failed.",
     "确认调用方的 bk_app_code 与 bk_app_secret 正确，并且请求经过 API 网关或 ESB。",
     "Make sure the caller's bk_app_code and bk_app_secret are right and the "
     "request goes through the API gateway or ESB."},
    {1101000, "CCErrTopoInstCreateFailed", "创建实例失败",
     "Failed to create instance", NULL, NULL},
    {1101001, "CCErrTopoInstDeleteFailed", "删除实例失败",
     "Delete Instance Failed", NULL, NULL},
    {1101030, "CCErrTopoHasHostCheckFailed/CCErrTopoHasHost",
     "目标包含主机, 不允许删除", "Having hosts under the target, deleting forbidden",
     "先把主机转移到空闲机池或其他模块，再删除该节点。",
     "Move the hosts to the idle pool or another module first, then delete "
     "the node."},
    {1101031, "CCErrTopoGetCloudErrStrFailed", "查询管控区域失败, {0}",
     "query bk-network area failed, {0}", NULL, NULL},
    {1111011, "CCErrHostDetailFail/CCErrWebGetNetDeviceFail",
     "获取设备数据失败, 错误:{0}", "Failed to get net device data, error: {0}",
     NULL, NULL},
    {1199000, "CCErrCommJSONUnmarshalFailed", "反序列化JSON数据失败",
     "Deserializing JSON data failed",
     "请求体不是合法的 JSON，或字段类型与接口定义不符：校验 JSON 格式并对照接口文档检查字段类型。",
     "The request body is not valid JSON or a field has the wrong type: "
     "validate the JSON and compare the field types with the API docs."},
    {1199001, "CCErrCommJSONMarshalFailed", "序列化JSON失败",
     "Serialized JSON failed", NULL, NULL},
    {1199002, "CCErrCommHTTPDoRequestFailed", "HTTP请求失败",
     "HTTP request failed",
     "CMDB 调用内部服务失败：检查各 cmdb 服务进程与 ZooKeeper 是否正常。",
     "CMDB failed to call one of its own services: check that every cmdb "
     "process and ZooKeeper are healthy."},
    {1199006, "CCErrCommParamsInvalid", "'{0}' 数据参数校验不通过",
     "'{0}' data parameter verification does not pass",
     "按接口文档修正消息中指出的参数的取值或格式。",
     "Fix the value or format of the parameter named in the message, as the "
     "API documentation describes."},
    {1199011, "CCErrCommParamsIsInvalid", "'{0}' 参数无效或不存在",
     "'{0}' the parameter is invalid or does not exist", NULL, NULL},
};

static const struct bkerr_range ranges[] = {
    {1100000, 1100999, "api", "API 层错误：检查调用方身份与权限中心连通性。",
     "API layer: check the caller's identity and the IAM connection."},
    {1101000, 1101999, "topo", "拓扑服务错误：查看 cmdb_toposerver 日志获取详情。",
     "Topology service: see the cmdb_toposerver log for details."},
    {1111000, 1111999, "web", "Web 服务错误：查看 cmdb_webserver 日志获取详情。",
     "Web service: see the cmdb_webserver log for details."},
    {1199000, 1199999, "common", "通用错误：结合消息与 cmdb 各服务日志定位。",
     "Common errors: read the message together with the cmdb service logs."},
};

/* Codes cmdb emits outside its 7-digit space (errInfo.go). */
static const struct bkerr_entry legacy[] = {
    {-2, "CCSystemUnknownError", "系统未知错误", "unknown system error", NULL,
     NULL},
    {-1, "CCSystemBusy", "系统繁忙", "system busy", NULL, NULL},
    {0, "CCSuccess", "成功", "success", NULL, NULL},
    {3001, "CCErrCommJsonDecode", NULL, "json decode failed!", NULL, NULL},
    {9000, "JsonMarshalErr", NULL, "json marshal error", NULL, NULL},
};

BKERR_CATALOG_DEFINE(
    .id = "cmdb", .prefix = 11,
    .name_zh = "配置平台", .name_en = "Configuration platform (CMDB)",
    .version = "0.1.0",
    .origin = "TencentBlueKing/bk-cmdb@111e7ac (subset, hand-written)",
    BKERR_ENTRIES(entries), BKERR_RANGES(ranges), BKERR_LEGACY(legacy));
