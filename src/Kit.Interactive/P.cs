namespace Kit.Interactive; internal static class P {}
