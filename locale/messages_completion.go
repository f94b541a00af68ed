package locale

// completionMessages are the help of cobra's completion command and its
// four shells (bedtime completion bash|fish|powershell|zsh), as cobra
// words it; the scripts they write stay English.
var completionMessages = []entry{
	// bedtime completion
	{Key: "Generate the autocompletion script for the specified shell"},
	{Key: `Generate the autocompletion script for bedtime for the specified shell.
See each sub-command's help for details on how to use the generated script.
`},

	// bedtime completion bash
	{Key: "Generate the autocompletion script for bash"},
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
`},
	{Key: "disable completion descriptions"},

	// bedtime completion fish
	{Key: "Generate the autocompletion script for fish"},
	{Key: `Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	bedtime completion fish | source

To load completions for every new session, execute once:

	bedtime completion fish > ~/.config/fish/completions/bedtime.fish

You will need to start a new shell for this setup to take effect.
`},

	// bedtime completion powershell
	{Key: "Generate the autocompletion script for powershell"},
	{Key: `Generate the autocompletion script for powershell.

To load completions in your current shell session:

	bedtime completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`},

	// bedtime completion zsh
	{Key: "Generate the autocompletion script for zsh"},
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
`},
}
