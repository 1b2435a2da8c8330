Set-StrictMode -Version Latest

enum Stage {
    Plan = 1
    Apply
    Verify
}

[Flags()] enum Check : int {
    None = 0
    Dns = 1; Cert = 2
    All = 3
}

class DeploymentStep : System.IComparable {
    [string] $Name
    hidden [int] $Order = 0
    static [int] $Created

    DeploymentStep([string]$name, [int]$order) {
        $this.Name = $name
        $this.Order = $order
        [DeploymentStep]::Created++
    }

    DeploymentStep() : base() {
    }

    [int] CompareTo([object]$other) {
        if ($null -eq $other) { return 1 }
        return $this.Order.CompareTo(([DeploymentStep]$other).Order)
    }

    [string] ToString() { return "$($this.Order): $($this.Name)" }

    static [DeploymentStep[]] Sorted([DeploymentStep[]]$steps) {
        return $steps | Sort-Object
    }
}

class LoggedStep : DeploymentStep {
    LoggedStep([string]$n) : base($n, 99) { }
    [void] Log() { Write-Host ($this.ToString()) }
}

function Get-Step {
    [OutputType([DeploymentStep])]
    param([string]$Name)
    [DeploymentStep]::new($Name, 1)
}

Export-ModuleMember -Function Get-Step
