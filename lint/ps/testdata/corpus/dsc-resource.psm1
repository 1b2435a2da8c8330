enum Ensure { Absent; Present }

[DscResource()]
class PxConnectorSetting {
    [DscProperty(Key)]
    [string] $Name

    [DscProperty(Mandatory)]
    [Ensure] $Ensure

    [DscProperty(NotConfigurable)]
    [string] $Current

    [PxConnectorSetting] Get() {
        $this.Current = Get-Content -Path "C:\px\$($this.Name)" -ErrorAction SilentlyContinue
        return $this
    }

    [bool] Test() {
        return ($this.Ensure -eq [Ensure]::Present) -eq [bool]$this.Current
    }

    [void] Set()
    {
        if ($this.Ensure -eq [Ensure]::Present) {
            Set-Content -Path "C:\px\$($this.Name)" -Value 'on'
        } else {
            Remove-Item -Path "C:\px\$($this.Name)"
        }
    }
}
