namespace Meshery.Testing.Kubernetes.Discovery;

/// <summary>The built-in resources the fake server serves (storage is generic, so the list is cheap).</summary>
internal static class BuiltInResources
{
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Core("namespaces", "namespace", "Namespace", false, true, "ns"),
        Core("pods", "pod", "Pod", true, true, "po"),
        Core("services", "service", "Service", true, true, "svc"),
        Core("configmaps", "configmap", "ConfigMap", true, false, "cm"),
        Core("secrets", "secret", "Secret", true, false),
        Core("nodes", "node", "Node", false, true, "no"),
        Core("serviceaccounts", "serviceaccount", "ServiceAccount", true, false, "sa"),
        Core("persistentvolumes", "persistentvolume", "PersistentVolume", false, true, "pv"),
        Core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, true, "pvc"),
        Core("endpoints", "endpoints", "Endpoints", true, false, "ep"),
        Core("events", "event", "Event", true, false, "ev"),
        Core("replicationcontrollers", "replicationcontroller", "ReplicationController", true, true, "rc"),
        Core("limitranges", "limitrange", "LimitRange", true, false, "limits"),
        Core("resourcequotas", "resourcequota", "ResourceQuota", true, true, "quota"),
        new("apps", "v1", "deployments", "deployment", "Deployment", true, true, "deploy"),
        new("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, true, "sts"),
        new("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, true, "ds"),
        new("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, true, "rs"),
        new("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision", true),
        new("batch", "v1", "jobs", "job", "Job", true, true),
        new("batch", "v1", "cronjobs", "cronjob", "CronJob", true, true, "cj"),
        Rbac("roles", "role", "Role", true),
        Rbac("rolebindings", "rolebinding", "RoleBinding", true),
        Rbac("clusterroles", "clusterrole", "ClusterRole", false),
        Rbac("clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false),
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false, true, "crd", "crds"),
        new("coordination.k8s.io", "v1", "leases", "lease", "Lease", true),
        new("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", true, true, "ing"),
        new("networking.k8s.io", "v1", "ingressclasses", "ingressclass", "IngressClass", false),
        new("networking.k8s.io", "v1", "networkpolicies", "networkpolicy", "NetworkPolicy", true, false, "netpol"),
        new("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", true),
        new("storage.k8s.io", "v1", "storageclasses", "storageclass", "StorageClass", false, false, "sc"),
        new("storage.k8s.io", "v1", "volumeattachments", "volumeattachment", "VolumeAttachment", false, true),
        new("autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", true, true, "hpa"),
        new("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true, true, "pdb"),
        new("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "mutatingwebhookconfiguration", "MutatingWebhookConfiguration", false),
        new("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "validatingwebhookconfiguration", "ValidatingWebhookConfiguration", false),
        new("apiregistration.k8s.io", "v1", "apiservices", "apiservice", "APIService", false, true),
        new("events.k8s.io", "v1", "events", "event", "Event", true, false, "ev"),
    ];

    private static ResourceType Core(string plural, string singular, string kind, bool namespaced, bool hasStatus, params string[] shortNames) =>
        new(string.Empty, "v1", plural, singular, kind, namespaced, hasStatus, shortNames);

    private static ResourceType Rbac(string plural, string singular, string kind, bool namespaced) =>
        new("rbac.authorization.k8s.io", "v1", plural, singular, kind, namespaced);
}
