package locale

// deCompletion are the German translations of completionMessages, by
// English key.
var deCompletion = []pair{
	{Key: "Generate the autocompletion script for the specified shell", Other: "Das Vervollständigungsskript für die angegebene Shell erzeugen"},
	{Key: `Generate the autocompletion script for bedtime for the specified shell.
See each sub-command's help for details on how to use the generated script.
`, Other: `Das Vervollständigungsskript von bedtime für die angegebene Shell erzeugen.
Die Hilfe jedes Unterbefehls sagt, wie das erzeugte Skript zu benutzen ist.
`},
	{Key: "Generate the autocompletion script for bash", Other: "Das Vervollständigungsskript für bash erzeugen"},
	{Key: `Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(bedtime completion bash)

To load completions for every new session, execute once:

#### Linux:

	bedtime completion bash > /etc/bash_completion.d/bedtime

#### macOS:

	bedtime completion bash > $(brew --prefix)/etc/bash_completion.d/bedtime

You will need to start a new shell for this setup to take effect.
`, Other: `Das Vervollständigungsskript für die Shell bash erzeugen.

Das Skript braucht das Paket 'bash-completion'. Ist es noch nicht
installiert, installiere es mit der Paketverwaltung deines Systems.

So lädst du die Vervollständigung in der laufenden Shell:

	source <(bedtime completion bash)

So lädst du sie in jeder neuen Sitzung (einmal ausführen):

#### Linux:

	bedtime completion bash > /etc/bash_completion.d/bedtime

#### macOS:

	bedtime completion bash > $(brew --prefix)/etc/bash_completion.d/bedtime

Die Einstellung wirkt erst in einer neu gestarteten Shell.
`},
	{Key: "disable completion descriptions", Other: "Beschreibungen in der Vervollständigung weglassen"},
	{Key: "Generate the autocompletion script for fish", Other: "Das Vervollständigungsskript für fish erzeugen"},
	{Key: `Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	bedtime completion fish | source

To load completions for every new session, execute once:

	bedtime completion fish > ~/.config/fish/completions/bedtime.fish

You will need to start a new shell for this setup to take effect.
`, Other: `Das Vervollständigungsskript für die Shell fish erzeugen.

So lädst du die Vervollständigung in der laufenden Shell:

	bedtime completion fish | source

So lädst du sie in jeder neuen Sitzung (einmal ausführen):

	bedtime completion fish > ~/.config/fish/completions/bedtime.fish

Die Einstellung wirkt erst in einer neu gestarteten Shell.
`},
	{Key: "Generate the autocompletion script for powershell", Other: "Das Vervollständigungsskript für powershell erzeugen"},
	{Key: `Generate the autocompletion script for powershell.

To load completions in your current shell session:

	bedtime completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`, Other: `Das Vervollständigungsskript für powershell erzeugen.

So lädst du die Vervollständigung in der laufenden Shell:

	bedtime completion powershell | Out-String | Invoke-Expression

Für jede neue Sitzung füge die Ausgabe des Befehls oben deinem
PowerShell-Profil hinzu.
`},
	{Key: "Generate the autocompletion script for zsh", Other: "Das Vervollständigungsskript für zsh erzeugen"},
	{Key: `Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(bedtime completion zsh)

To load completions for every new session, execute once:

#### Linux:

	bedtime completion zsh > %s

#### macOS:

	bedtime completion zsh > $(brew --prefix)/share/zsh/site-functions/_bedtime

You will need to start a new shell for this setup to take effect.
`, Other: `Das Vervollständigungsskript für die Shell zsh erzeugen.

Ist die Vervollständigung in deiner Umgebung noch nicht eingeschaltet,
schalte sie ein. Dazu genügt einmal:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

So lädst du die Vervollständigung in der laufenden Shell:

	source <(bedtime completion zsh)

So lädst du sie in jeder neuen Sitzung (einmal ausführen):

#### Linux:

	bedtime completion zsh > %s

#### macOS:

	bedtime completion zsh > $(brew --prefix)/share/zsh/site-functions/_bedtime

Die Einstellung wirkt erst in einer neu gestarteten Shell.
`},
}
