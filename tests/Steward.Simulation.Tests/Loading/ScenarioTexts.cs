namespace Steward.Simulation.Tests.Loading;

/// <summary>Scenario texts shared by the loader tests.</summary>
internal static class ScenarioTexts
{
    /// <summary>The YAML example of docs/RULES.md section 6, verbatim.</summary>
    public const string SpecExample = """
        sites:
          - code: A01
            name: Headquarters            # optional
            version: 2.00.1380.1000
            boundaries: [10.1.0.0/16, 10.3.0.10-10.3.0.200]
          - code: B01
            version: 2.00.1493.2000
            boundaries: [10.1.0.0/16, 10.2.0.0/16]
        logonPoints:
          - name: DC1
            sites: [A01, B01]
            # senior: A01                 # optional; default as in section 1
        clients:
          - name: PC-OLD
            addresses: [10.1.0.5]
            installed: 2.00.1380.1000     # left out: no agent yet
            sites: [A01]                  # left out: none
            travel: false                 # optional
          - name: PC-NEW
            addresses: [10.1.0.6]
        generate:                         # optional: many alike clients, for size
          - count: 100000
            prefix: WS                    # names WS000001 ... (6 digits, more when needed)
            addresses: 10.2.0.0/15        # client i (from 0) gets first + floor(i * size / count);
                                          # a range smaller than count is refused
            installed: 2.00.1380.1000     # optional
            sites: [B01]                  # optional
        steps:
          - logon: PC-NEW
            at: DC1
          - install: PC-NEW               # manual install through a logon point
            at: DC1
          - maintenance: PC-OLD
          - siteVersion: A01
            version: 2.00.1493.2000
          - move: PC-OLD
            addresses: [10.9.0.1]
          - travel: PC-OLD
            enabled: true
          - logonAll: DC1                 # every client logs on at DC1
          - maintenanceAll: true          # every client runs one maintenance cycle
        """;
}
